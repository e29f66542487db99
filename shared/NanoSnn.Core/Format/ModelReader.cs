namespace NanoSnn
{
    /// <summary>
    /// Loads model format v2 and v1 (see <see cref="ModelFormat"/>): the network, its learning
    /// rules and, from a checkpoint, their state. Every field is checked; a bad file throws
    /// <see cref="ModelFormatException"/> naming the error, field and byte offset, and no
    /// network (not even a partial one) is returned. Loading allocates the network, so it
    /// belongs to boot and set-up, not to the tick.
    /// </summary>
    public sealed class ModelReader
    {
        private readonly byte[] _data;
        private readonly int _origin;
        private readonly int _end;
        private int _at;

        // With a state section (it comes last), the state bytes the populations read so far
        // need: checked against the bytes left in the file before each population is
        // allocated, so a forged header cannot make the loader allocate what the file does not back.
        private bool _hasState;
        private long _stateNeeded = 12;
        private int _version;

        private ModelReader(byte[] data, int offset, int count)
        {
            _data = data;
            _origin = offset;
            _at = offset;
            _end = offset + count;
        }

        /// <summary>Loads the model stored in <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static Network Load(byte[] data, int offset, int count)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            if (offset < 0 || count < 0 || offset > data.Length || count > data.Length - offset)
                throw new System.ArgumentException("offset " + offset + " and count " + count + " do not fit the array");
            return new ModelReader(data, offset, count).Read();
        }

        /// <summary>Loads a whole array.</summary>
        public static Network Load(byte[] data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            return Load(data, 0, data.Length);
        }

        private ModelFormatException Fail(ModelFormatError error, string field, int at, string detail)
        {
            return new ModelFormatException(error, field, at - _origin, detail);
        }

        private Network Read()
        {
            int count = _end - _origin;
            if (count < ModelFormat.HeaderBytes + ModelFormat.TrailerBytes)
                throw Fail(ModelFormatError.Truncated, "header", _origin + count, count + " bytes cannot hold a header and a CRC (" + (ModelFormat.HeaderBytes + ModelFormat.TrailerBytes) + " needed)");
            byte[] d = _data;
            int h = _origin;
            if (d[h] != ModelFormat.Magic0 || d[h + 1] != ModelFormat.Magic1 || d[h + 2] != ModelFormat.Magic2 || d[h + 3] != ModelFormat.Magic3)
                throw Fail(ModelFormatError.BadMagic, "magic", h, "expected the bytes 'NSNN'");
            int version = LittleEndian.ReadUInt16(d, h + 4);
            if (version < ModelFormat.OldestVersion || version > ModelFormat.Version)
                throw Fail(ModelFormatError.UnsupportedVersion, "version", h + 4, "version " + version + "; this build reads versions "
                    + ModelFormat.OldestVersion + " to " + ModelFormat.Version);
            int headerSize = LittleEndian.ReadUInt16(d, h + 6);
            if (headerSize != ModelFormat.HeaderBytes)
                throw Fail(ModelFormatError.BadHeader, "header size", h + 6, headerSize + ", expected " + ModelFormat.HeaderBytes);
            int length = LittleEndian.ReadInt32(d, h + 8);
            if (length < 0 || length > count)
                throw Fail(ModelFormatError.Truncated, "file length", h + 8, "header declares " + length + " bytes but only " + count + " are present");
            if (length < count)
                throw Fail(ModelFormatError.LengthMismatch, "file length", h + 8, "header declares " + length + " bytes but " + count + " were given");
            int flags = LittleEndian.ReadUInt16(d, h + 14);
            if ((flags & ~ModelFormat.FlagState) != 0)
                throw Fail(ModelFormatError.BadHeader, "flags", h + 14, "unknown flag bits 0x" + (flags & ~ModelFormat.FlagState).ToString("X4"));
            uint stored = (uint)LittleEndian.ReadInt32(d, _end - 4);
            uint actual = Crc32.Compute(d, h, count - 4);
            if (stored != actual)
                throw Fail(ModelFormatError.ChecksumMismatch, "CRC-32", _end - 4, "stored 0x" + stored.ToString("X8") + ", computed 0x" + actual.ToString("X8"));

            int sections = LittleEndian.ReadUInt16(d, h + 12);
            bool hasState = (flags & ModelFormat.FlagState) != 0;
            _hasState = hasState;
            _version = version;
            _at = h + ModelFormat.HeaderBytes;

            int payloadEnd = Section(ModelFormat.SectionNetwork, "network section");
            int dtUs = Int32("dt", 1, 1000000);
            uint seed = (uint)Int32("seed", int.MinValue, int.MaxValue);
            int popCount = UInt16("population count", 1, 255);
            int projCount = UInt16("projection count", 0, 255);
            int ruleCount = 0;
            if (version >= 2)
            {
                ruleCount = UInt16("rule count", 0, 255);
                UInt16("network reserved", 0, 0);
            }
            EndSection(payloadEnd, "network section");
            int expected = 1 + popCount + projCount + ruleCount + (hasState ? 1 + ruleCount : 0);
            if (sections != expected)
                throw Fail(ModelFormatError.BadSection, "section count", h + 12, sections + " sections declared, but the network section and flags imply " + expected);

            NetworkBuilder builder = new NetworkBuilder(dtUs, seed);
            Population[] pops = new Population[popCount];
            for (int p = 0; p < popCount; p++) pops[p] = ReadPopulation(builder, p);
            Projection[] projs = new Projection[projCount];
            for (int q = 0; q < projCount; q++) projs[q] = ReadProjection(builder, pops, q);

            int buildAt = _at;
            Network network;
            try
            {
                network = builder.Build();
            }
            catch (ModelException e)
            {
                throw Fail(ModelFormatError.InvalidValue, "network", buildAt, e.Message);
            }
            for (int r = 0; r < ruleCount; r++) ReadRule(network, r);
            if (hasState)
            {
                ReadState(network);
                for (int r = 0; r < ruleCount; r++) ReadRuleState(network, r);
            }
            if (_at != _end - ModelFormat.TrailerBytes)
                throw Fail(ModelFormatError.BadSection, "end of sections", _at, (_end - ModelFormat.TrailerBytes - _at) + " unexpected bytes before the CRC");
            return network;
        }

        private Population ReadPopulation(NetworkBuilder builder, int index)
        {
            string where = "population " + index;
            int payloadEnd = Section(ModelFormat.SectionPopulation, where);
            int start = _at;
            // Izhikevich populations came with v2: a v1 file cannot hold one.
            int kind = Byte(where + " kind", 1, _version >= 2 ? (int)PopulationKind.Izhikevich : (int)PopulationKind.Readout);
            int reset = Byte(where + " reset mode", 0, 1);
            int refractory = Byte(where + " refractory ticks", 0, 255);
            string name = Name(where + " name");
            int size = Int32(where + " size", 1, Population.MaxSize);
            int threshold = Int32(where + " threshold", int.MinValue, int.MaxValue);
            int tau = Int32(where + " tau", 0, int.MaxValue);
            int bias = Int32(where + " bias", int.MinValue, int.MaxValue);
            int tauA = Int32(where + " tau adaptation", 0, int.MaxValue);
            int beta = Int32(where + " beta", int.MinValue, int.MaxValue);
            bool izhikevich = kind == (int)PopulationKind.Izhikevich;
            int noise = 0, runs = 0;
            uint noiseSeed = 0;
            if (izhikevich)
            {
                noise = Int32(where + " noise amplitude", 0, IzhikevichPopulation.MaxNoiseAmplitudeQ16);
                noiseSeed = (uint)Int32(where + " noise seed", int.MinValue, int.MaxValue);
                runs = Int32(where + " parameter runs", 1, size);
                // The runs must be there before the neurons are allocated.
                Need((long)runs * ModelFormat.IzhikevichRunBytes, where + " parameter runs");
            }
            else
            {
                EndSection(payloadEnd, where);
            }
            if (_hasState)
            {
                _stateNeeded += ModelFormat.StateBytes((PopulationKind)kind, size);
                long left = _end - ModelFormat.TrailerBytes - _at;
                if (izhikevich) left -= (long)runs * ModelFormat.IzhikevichRunBytes;
                if (_stateNeeded > left)
                    throw Fail(ModelFormatError.BadSection, where + " size", start + 4 + name.Length, "the state section needs at least " + _stateNeeded + " bytes for the populations declared so far, but only " + left + " bytes remain");
            }
            bool lif = kind == (int)PopulationKind.Lif || kind == (int)PopulationKind.Alif;
            if (!lif && (reset != 0 || refractory != 0 || threshold != 0))
                throw Fail(ModelFormatError.InvalidValue, where + " reset/refractory/threshold", start, "must be 0 for a non-LIF population");
            if (kind != (int)PopulationKind.Alif && (tauA != 0 || beta != 0))
                throw Fail(ModelFormatError.InvalidValue, where + " adaptation", start, "must be 0 for a non-ALIF population");
            if ((kind == (int)PopulationKind.Input || izhikevich) && (tau != 0 || bias != 0))
                throw Fail(ModelFormatError.InvalidValue, where + " tau/bias", start, "must be 0 for an input or Izhikevich population");
            Population pop;
            try
            {
                if (kind == (int)PopulationKind.Input) return builder.AddInput(name, size);
                if (kind == (int)PopulationKind.Readout) return builder.AddReadout(name, size, tau, bias);
                if (izhikevich)
                {
                    pop = builder.AddIzhikevich(name, size, noise, noiseSeed);
                }
                else
                {
                    LifParameters parameters = new LifParameters();
                    parameters.Reset = (ResetMode)reset;
                    parameters.RefractoryTicks = refractory;
                    parameters.ThresholdQ16 = threshold;
                    parameters.TauMembraneUs = tau;
                    parameters.BiasQ16 = bias;
                    parameters.TauAdaptationUs = tauA;
                    parameters.AdaptationBetaQ16 = beta;
                    return kind == (int)PopulationKind.Alif ? builder.AddAlif(name, size, parameters) : builder.AddLif(name, size, parameters);
                }
            }
            catch (ModelException e)
            {
                throw Fail(ModelFormatError.InvalidValue, where, start, e.Message);
            }
            ReadIzhikevichRuns((IzhikevichPopulation)pop, runs, where);
            EndSection(payloadEnd, where);
            return pop;
        }

        // The runs were checked to be present; each is validated field by field (the ranges
        // IzhikevichPopulation.SetModel accepts, which keep its update free of overflow).
        private void ReadIzhikevichRuns(IzhikevichPopulation izh, int runs, string where)
        {
            int first = 0;
            for (int r = 0; r < runs; r++)
            {
                string run = where + " run " + r;
                int runAt = _at;
                int left = izh.Size - first;
                // Every run after this one needs at least one neuron.
                int count = Int32(run + " neurons", 1, left - (runs - 1 - r));
                int a = Int32(run + " a", 0, IzhikevichPopulation.MaxAQ24);
                int b = Int32(run + " b", -IzhikevichPopulation.MaxAbsBQ24, IzhikevichPopulation.MaxAbsBQ24);
                int c = Int32(run + " c", IzhikevichPopulation.MinMembraneQ16 + 1, IzhikevichPopulation.PeakQ16 - 1);
                int d = Int32(run + " d", -IzhikevichPopulation.MaxAbsDQ16, IzhikevichPopulation.MaxAbsDQ16);
                if (r > 0 && a == izh.AQ24[first - 1] && b == izh.BQ24[first - 1] && c == izh.CQ16[first - 1] && d == izh.DQ16[first - 1])
                    throw Fail(ModelFormatError.InvalidValue, run, runAt, "has the same a, b, c and d as run " + (r - 1) + "; neighbouring runs must differ (merge them)");
                izh.SetModel(first, count, a, b, c, d);
                first += count;
            }
            if (first != izh.Size)
                throw Fail(ModelFormatError.InvalidValue, where + " run " + (runs - 1) + " neurons", _at - ModelFormat.IzhikevichRunBytes,
                    "the runs cover " + first + " neurons, the population has " + izh.Size);
        }

        private Projection ReadProjection(NetworkBuilder builder, Population[] pops, int index)
        {
            string where = "projection " + index;
            int payloadEnd = Section(ModelFormat.SectionProjection, where);
            int start = _at;
            int kind = Byte(where + " kind", 1, 2);
            int shift = Byte(where + " weight shift", 0, Projection.MaxWeightShift);
            int source = Byte(where + " source", 0, pops.Length - 1);
            int target = Byte(where + " target", 0, pops.Length - 1);
            string name = Name(where + " name");
            Population src = pops[source];
            Population tgt = pops[target];
            long maxSynapses = (long)src.Size * tgt.Size;
            int countAt = _at;
            int synapses = Int32(where + " synapse count", 0, int.MaxValue);
            if (synapses > maxSynapses)
                throw Fail(ModelFormatError.InvalidValue, where + " synapse count", countAt, synapses + " exceeds source x target = " + maxSynapses);
            if (kind == (int)ProjectionKind.Dense && synapses != maxSynapses)
                throw Fail(ModelFormatError.InvalidValue, where + " synapse count", countAt, "a dense projection has source x target = " + maxSynapses + " synapses, not " + synapses);
            Projection proj;
            try
            {
                if (kind == (int)ProjectionKind.Dense)
                {
                    // Check the bytes are there before allocating: a forged count must not exhaust memory.
                    Need((long)synapses * 2, where + " weights");
                    proj = builder.AddDense(name, src, tgt, shift);
                }
                else
                {
                    int[] rows = new int[src.Size + 1];
                    Need((long)rows.Length * 4 + (long)synapses * 2, where + " rows and targets");
                    int rowsAt = _at;
                    for (int i = 0; i < rows.Length; i++, _at += 4) rows[i] = LittleEndian.ReadInt32(_data, _at);
                    for (int i = 0; i < src.Size; i++)
                        if (rows[i + 1] < rows[i] || rows[i + 1] > synapses)
                            throw Fail(ModelFormatError.InvalidValue, where + " row start " + (i + 1), rowsAt + 4 * (i + 1), "rows must be non-decreasing and end at the synapse count " + synapses);
                    ushort[] targets = new ushort[synapses];
                    int targetsAt = _at;
                    for (int k = 0; k < synapses; k++, _at += 2)
                    {
                        targets[k] = (ushort)LittleEndian.ReadUInt16(_data, _at);
                        if (targets[k] >= tgt.Size)
                            throw Fail(ModelFormatError.InvalidValue, where + " target " + k, targetsAt + 2 * k, targets[k] + " is outside 0.." + (tgt.Size - 1));
                    }
                    proj = builder.AddSparse(name, src, tgt, shift, rows, targets);
                }
            }
            catch (ModelException e)
            {
                throw Fail(ModelFormatError.InvalidValue, where, start, e.Message);
            }
            Need((long)synapses * 2, where + " weights");
            short[] w = proj.Weights;
            for (int k = 0; k < synapses; k++, _at += 2) w[k] = LittleEndian.ReadInt16(_data, _at);
            EndSection(payloadEnd, where);
            return proj;
        }

        private void ReadState(Network network)
        {
            int payloadEnd = Section(ModelFormat.SectionState, "state section");
            Need(12, "state tick");
            int tickAt = _at;
            long tick = LittleEndian.ReadInt64(_data, _at);
            _at += 8;
            if (tick < 0) throw Fail(ModelFormatError.InvalidValue, "state tick", tickAt, tick + " is negative");
            int rngAt = _at;
            uint rng = (uint)LittleEndian.ReadInt32(_data, _at);
            _at += 4;
            if (rng == 0) throw Fail(ModelFormatError.InvalidValue, "generator state", rngAt, "0 is not a valid xorshift state");
            Population[] pops = network.Populations;
            for (int p = 0; p < pops.Length; p++)
            {
                Population pop = pops[p];
                string where = "state of population '" + pop.Name + "'";
                Need(pop.Spiked.Length, where + " spikes");
                for (int i = 0; i < pop.Spiked.Length; i++, _at++)
                {
                    if (_data[_at] > 1) throw Fail(ModelFormatError.InvalidValue, where + " spike " + i, _at, _data[_at] + " is not 0 or 1");
                    pop.Spiked[i] = _data[_at];
                }
                LifPopulation lif = pop as LifPopulation;
                if (lif != null)
                {
                    ReadInts(lif.MembraneQ16, -FixedPoint.StateLimitQ16, FixedPoint.StateLimitQ16, where + " membrane");
                    Need(lif.RefractoryLeft.Length, where + " refractory");
                    for (int i = 0; i < lif.RefractoryLeft.Length; i++, _at++)
                    {
                        if (_data[_at] > lif.Parameters.RefractoryTicks)
                            throw Fail(ModelFormatError.InvalidValue, where + " refractory " + i, _at, _data[_at] + " exceeds the refractory period " + lif.Parameters.RefractoryTicks);
                        lif.RefractoryLeft[i] = _data[_at];
                    }
                    ReadInts(lif.AdaptationQ16, 0, FixedPoint.StateLimitQ16, where + " adaptation");
                }
                ReadoutPopulation readout = pop as ReadoutPopulation;
                if (readout != null) ReadInts(readout.ValueQ16, -FixedPoint.StateLimitQ16, FixedPoint.StateLimitQ16, where + " value");
                IzhikevichPopulation izh = pop as IzhikevichPopulation;
                if (izh != null)
                {
                    // v as it is after every tick (a spike resets it below the peak), u within its clamp:
                    // the ranges the update's quadratic term is proved overflow-free for.
                    ReadInts(izh.MembraneQ16, IzhikevichPopulation.MinMembraneQ16, IzhikevichPopulation.PeakQ16 - 1, where + " v");
                    ReadInts(izh.RecoveryQ16, -IzhikevichPopulation.RecoveryLimitQ16, IzhikevichPopulation.RecoveryLimitQ16, where + " u");
                    Need(4, where + " noise generator state");
                    uint noise = (uint)LittleEndian.ReadInt32(_data, _at);
                    if (noise == 0) throw Fail(ModelFormatError.InvalidValue, where + " noise generator state", _at, "0 is not a valid xorshift state");
                    izh.RestoreNoiseState(noise);
                    _at += 4;
                }
                pop.RebuildSpikeList();
            }
            EndSection(payloadEnd, "state section");
            network.Tick = tick;
            network.Rng.State = rng;
        }

        private void ReadRule(Network network, int index)
        {
            string where = "rule " + index;
            int payloadEnd = Section(ModelFormat.SectionPlasticity, where);
            FormatCursor cursor = network.Cursor;
            cursor.BeginRead(_data, _origin, _at, payloadEnd, where + " ");
            Plasticity rule = PlasticityFormat.Read(cursor, network);
            _at = cursor.Position;
            cursor.End();
            EndSection(payloadEnd, where);
            network.Attach(rule);
            if (_hasState)
            {
                // As for the populations: the state this rule will read must still fit.
                cursor.BeginMeasure();
                rule.TransferState(cursor);
                _stateNeeded += ModelFormat.SectionHeaderBytes + cursor.Position;
                long left = _end - ModelFormat.TrailerBytes - _at;
                if (_stateNeeded > left)
                    throw Fail(ModelFormatError.BadSection, where + " state", _at, "the state sections need at least " + _stateNeeded
                        + " bytes for the populations and rules declared so far, but only " + left + " bytes remain");
            }
        }

        private void ReadRuleState(Network network, int index)
        {
            string where = "rule " + index + " state";
            int payloadEnd = Section(ModelFormat.SectionPlasticityState, where);
            FormatCursor cursor = network.Cursor;
            cursor.BeginRead(_data, _origin, _at, payloadEnd, where + ": ");
            network.Rules[index].TransferState(cursor);
            _at = cursor.Position;
            cursor.End();
            EndSection(payloadEnd, where);
        }

        private void ReadInts(int[] into, int min, int max, string field)
        {
            Need((long)into.Length * 4, field);
            for (int i = 0; i < into.Length; i++, _at += 4)
            {
                int v = LittleEndian.ReadInt32(_data, _at);
                if (v < min || v > max) throw Fail(ModelFormatError.InvalidValue, field + " " + i, _at, v + " is outside " + min + ".." + max);
                into[i] = v;
            }
        }

        private int Section(int type, string what)
        {
            Need(ModelFormat.SectionHeaderBytes, what + " header");
            int at = _at;
            int actualType = LittleEndian.ReadUInt16(_data, at);
            if (actualType != type)
                throw Fail(ModelFormatError.BadSection, what + " type", at, "found section type " + actualType + ", expected " + type);
            if (LittleEndian.ReadUInt16(_data, at + 2) != 0)
                throw Fail(ModelFormatError.BadSection, what + " reserved", at + 2, "must be 0");
            int payload = LittleEndian.ReadInt32(_data, at + 4);
            _at += ModelFormat.SectionHeaderBytes;
            if (payload < 0 || payload > _end - ModelFormat.TrailerBytes - _at)
                throw Fail(ModelFormatError.BadSection, what + " length", at + 4, payload + " bytes do not fit before the CRC");
            return _at + payload;
        }

        private void EndSection(int payloadEnd, string what)
        {
            if (_at != payloadEnd)
                throw Fail(ModelFormatError.BadSection, what + " length", _at, "content ends at byte " + (_at - _origin) + " but the section declares its end at byte " + (payloadEnd - _origin));
        }

        private void Need(long bytes, string field)
        {
            if (bytes > _end - ModelFormat.TrailerBytes - _at)
                throw Fail(ModelFormatError.BadSection, field, _at, "needs " + bytes + " bytes but the sections end before the CRC");
        }

        private int Byte(string field, int min, int max)
        {
            Need(1, field);
            int v = _data[_at];
            if (v < min || v > max) throw Fail(ModelFormatError.InvalidValue, field, _at, v + " is outside " + min + ".." + max);
            _at++;
            return v;
        }

        private int UInt16(string field, int min, int max)
        {
            Need(2, field);
            int v = LittleEndian.ReadUInt16(_data, _at);
            if (v < min || v > max) throw Fail(ModelFormatError.InvalidValue, field, _at, v + " is outside " + min + ".." + max);
            _at += 2;
            return v;
        }

        private int Int32(string field, int min, int max)
        {
            Need(4, field);
            int v = LittleEndian.ReadInt32(_data, _at);
            if (v < min || v > max) throw Fail(ModelFormatError.InvalidValue, field, _at, v + " is outside " + min + ".." + max);
            _at += 4;
            return v;
        }

        private string Name(string field)
        {
            int length = Byte(field + " length", 1, 64);
            Need(length, field);
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte c = _data[_at + i];
                if (c < 33 || c > 126) throw Fail(ModelFormatError.InvalidValue, field, _at + i, "byte " + c + " is not printable ASCII");
                chars[i] = (char)c;
            }
            _at += length;
            return new string(chars);
        }
    }
}
