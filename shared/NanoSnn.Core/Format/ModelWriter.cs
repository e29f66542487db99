namespace NanoSnn
{
    /// <summary>
    /// Writes a network, its learning rules and (for a checkpoint) their state in model format
    /// v2 (see <see cref="ModelFormat"/>) into a caller's buffer. Measure once with
    /// <see cref="MeasureBytes"/>, allocate once, then <see cref="Write"/> as often as needed:
    /// writing allocates nothing.
    /// </summary>
    public static class ModelWriter
    {
        /// <summary>Exact bytes <see cref="Write"/> will produce for <paramref name="network"/>.</summary>
        /// <exception cref="ModelException">The network has a population kind or a learning rule the format cannot store.</exception>
        public static int MeasureBytes(Network network, bool includeState)
        {
            int n = ModelFormat.HeaderBytes + ModelFormat.SectionHeaderBytes + ModelFormat.NetworkPayloadBytes(ModelFormat.Version);
            Population[] pops = network.Populations;
            for (int p = 0; p < pops.Length; p++)
            {
                if (pops[p].Kind < PopulationKind.Input || pops[p].Kind > PopulationKind.Izhikevich)
                    throw new ModelException("population '" + pops[p].Name + "' is of kind " + (int)pops[p].Kind
                        + ", which model format v" + ModelFormat.Version + " cannot store (it stores input, LIF, ALIF, readout and Izhikevich populations)");
                n += ModelFormat.SectionHeaderBytes + PopulationPayload(pops[p]);
            }
            Projection[] projs = network.Projections;
            for (int q = 0; q < projs.Length; q++)
                n += ModelFormat.SectionHeaderBytes + ProjectionPayload(projs[q]);
            Plasticity[] rules = network.Rules;
            for (int r = 0; r < rules.Length; r++)
                n += ModelFormat.SectionHeaderBytes + RulePayload(network, rules[r]);
            if (includeState)
            {
                n += ModelFormat.SectionHeaderBytes + StatePayload(network);
                for (int r = 0; r < rules.Length; r++)
                    n += ModelFormat.SectionHeaderBytes + RuleStatePayload(network, rules[r]);
            }
            return n + ModelFormat.TrailerBytes;
        }

        /// <summary>
        /// Writes the model (and, with <paramref name="includeState"/>, the dynamic state: a
        /// checkpoint) at <paramref name="offset"/>; returns the bytes written.
        /// </summary>
        /// <exception cref="System.ArgumentException">The buffer is too small.</exception>
        public static int Write(Network network, bool includeState, byte[] buffer, int offset)
        {
            int total = MeasureBytes(network, includeState);
            if (buffer == null || offset < 0 || offset > buffer.Length - total)
                throw new System.ArgumentException("buffer too small: the model needs " + total + " bytes from offset " + offset);
            Population[] pops = network.Populations;
            Projection[] projs = network.Projections;
            Plasticity[] rules = network.Rules;
            int at = offset;
            buffer[at] = ModelFormat.Magic0; buffer[at + 1] = ModelFormat.Magic1;
            buffer[at + 2] = ModelFormat.Magic2; buffer[at + 3] = ModelFormat.Magic3;
            LittleEndian.WriteUInt16(buffer, at + 4, ModelFormat.Version);
            LittleEndian.WriteUInt16(buffer, at + 6, ModelFormat.HeaderBytes);
            LittleEndian.WriteInt32(buffer, at + 8, total);
            LittleEndian.WriteUInt16(buffer, at + 12, 1 + pops.Length + projs.Length + rules.Length + (includeState ? 1 + rules.Length : 0));
            LittleEndian.WriteUInt16(buffer, at + 14, includeState ? ModelFormat.FlagState : 0);
            at += ModelFormat.HeaderBytes;

            at = SectionHeader(buffer, at, ModelFormat.SectionNetwork, ModelFormat.NetworkPayloadBytes(ModelFormat.Version));
            LittleEndian.WriteInt32(buffer, at, network.DtUs);
            LittleEndian.WriteInt32(buffer, at + 4, (int)network.Seed);
            LittleEndian.WriteUInt16(buffer, at + 8, pops.Length);
            LittleEndian.WriteUInt16(buffer, at + 10, projs.Length);
            LittleEndian.WriteUInt16(buffer, at + 12, rules.Length);
            LittleEndian.WriteUInt16(buffer, at + 14, 0);
            at += 16;

            for (int p = 0; p < pops.Length; p++) at = WritePopulation(buffer, at, pops[p]);
            for (int q = 0; q < projs.Length; q++) at = WriteProjection(buffer, at, projs[q]);
            FormatCursor cursor = network.Cursor;
            for (int r = 0; r < rules.Length; r++)
            {
                at = SectionHeader(buffer, at, ModelFormat.SectionPlasticity, RulePayload(network, rules[r]));
                cursor.BeginWrite(buffer, at);
                PlasticityFormat.Write(cursor, network, rules[r]);
                at = cursor.Position;
            }
            if (includeState)
            {
                at = WriteState(buffer, at, network);
                for (int r = 0; r < rules.Length; r++)
                {
                    at = SectionHeader(buffer, at, ModelFormat.SectionPlasticityState, RuleStatePayload(network, rules[r]));
                    cursor.BeginWrite(buffer, at);
                    rules[r].TransferState(cursor);
                    at = cursor.Position;
                }
            }
            cursor.End();

            LittleEndian.WriteInt32(buffer, at, (int)Crc32.Compute(buffer, offset, at - offset));
            return at + ModelFormat.TrailerBytes - offset;
        }

        private static int PopulationPayload(Population pop)
        {
            int n = 4 + pop.Name.Length + 24;
            IzhikevichPopulation izh = pop as IzhikevichPopulation;
            if (izh != null) n += ModelFormat.IzhikevichHeaderBytes + izh.ParameterRuns * ModelFormat.IzhikevichRunBytes;
            return n;
        }

        private static int ProjectionPayload(Projection proj)
        {
            int n = 5 + proj.Name.Length + 4 + proj.SynapseCount * 2;
            SparseProjection sparse = proj as SparseProjection;
            if (sparse != null) n += sparse.RowStart.Length * 4 + sparse.TargetIndex.Length * 2;
            return n;
        }

        private static int RulePayload(Network network, Plasticity rule)
        {
            FormatCursor cursor = network.Cursor;
            cursor.BeginMeasure();
            PlasticityFormat.Write(cursor, network, rule);
            return cursor.Position;
        }

        private static int RuleStatePayload(Network network, Plasticity rule)
        {
            FormatCursor cursor = network.Cursor;
            cursor.BeginMeasure();
            rule.TransferState(cursor);
            return cursor.Position;
        }

        private static int StatePayload(Network network)
        {
            int n = 12;
            Population[] pops = network.Populations;
            for (int p = 0; p < pops.Length; p++) n += (int)ModelFormat.StateBytes(pops[p].Kind, pops[p].Size);
            return n;
        }

        private static int SectionHeader(byte[] b, int at, int type, int payload)
        {
            LittleEndian.WriteUInt16(b, at, type);
            LittleEndian.WriteUInt16(b, at + 2, 0);
            LittleEndian.WriteInt32(b, at + 4, payload);
            return at + ModelFormat.SectionHeaderBytes;
        }

        private static int WriteName(byte[] b, int at, string name)
        {
            b[at] = (byte)name.Length;
            for (int i = 0; i < name.Length; i++) b[at + 1 + i] = (byte)name[i];
            return at + 1 + name.Length;
        }

        private static int WritePopulation(byte[] b, int at, Population pop)
        {
            at = SectionHeader(b, at, ModelFormat.SectionPopulation, PopulationPayload(pop));
            int reset = 0, refractory = 0, threshold = 0, tau = 0, bias = 0, tauA = 0, beta = 0;
            LifPopulation lif = pop as LifPopulation;
            if (lif != null)
            {
                LifParameters lp = lif.Parameters;
                reset = (int)lp.Reset;
                refractory = lp.RefractoryTicks;
                threshold = lp.ThresholdQ16;
                tau = lp.TauMembraneUs;
                bias = lp.BiasQ16;
                if (lif.Adaptive)
                {
                    tauA = lp.TauAdaptationUs;
                    beta = lp.AdaptationBetaQ16;
                }
            }
            ReadoutPopulation readout = pop as ReadoutPopulation;
            if (readout != null)
            {
                tau = readout.TauUs;
                bias = readout.Bias;
            }
            b[at] = (byte)pop.Kind;
            b[at + 1] = (byte)reset;
            b[at + 2] = (byte)refractory;
            at = WriteName(b, at + 3, pop.Name);
            LittleEndian.WriteInt32(b, at, pop.Size);
            LittleEndian.WriteInt32(b, at + 4, threshold);
            LittleEndian.WriteInt32(b, at + 8, tau);
            LittleEndian.WriteInt32(b, at + 12, bias);
            LittleEndian.WriteInt32(b, at + 16, tauA);
            LittleEndian.WriteInt32(b, at + 20, beta);
            at += 24;
            IzhikevichPopulation izh = pop as IzhikevichPopulation;
            if (izh != null) at = WriteIzhikevichParameters(b, at, izh);
            return at;
        }

        // Noise, then one parameter set per maximal run of neurons with equal a, b, c, d.
        private static int WriteIzhikevichParameters(byte[] b, int at, IzhikevichPopulation izh)
        {
            LittleEndian.WriteInt32(b, at, izh.NoiseAmplitudeQ16);
            LittleEndian.WriteInt32(b, at + 4, (int)izh.NoiseSeed);
            LittleEndian.WriteInt32(b, at + 8, izh.ParameterRuns);
            at += ModelFormat.IzhikevichHeaderBytes;
            int n = izh.Size;
            int first = 0;
            while (first < n)
            {
                int end = first + 1;
                while (end < n && izh.SameModel(first, end)) end++;
                LittleEndian.WriteInt32(b, at, end - first);
                LittleEndian.WriteInt32(b, at + 4, izh.AQ24[first]);
                LittleEndian.WriteInt32(b, at + 8, izh.BQ24[first]);
                LittleEndian.WriteInt32(b, at + 12, izh.CQ16[first]);
                LittleEndian.WriteInt32(b, at + 16, izh.DQ16[first]);
                at += ModelFormat.IzhikevichRunBytes;
                first = end;
            }
            return at;
        }

        private static int WriteProjection(byte[] b, int at, Projection proj)
        {
            at = SectionHeader(b, at, ModelFormat.SectionProjection, ProjectionPayload(proj));
            b[at] = (byte)proj.Kind;
            b[at + 1] = (byte)proj.WeightShift;
            b[at + 2] = (byte)proj.Source.Index;
            b[at + 3] = (byte)proj.Target.Index;
            at = WriteName(b, at + 4, proj.Name);
            LittleEndian.WriteInt32(b, at, proj.SynapseCount);
            at += 4;
            SparseProjection sparse = proj as SparseProjection;
            if (sparse != null)
            {
                int[] rows = sparse.RowStart;
                for (int i = 0; i < rows.Length; i++, at += 4) LittleEndian.WriteInt32(b, at, rows[i]);
                ushort[] targets = sparse.TargetIndex;
                for (int k = 0; k < targets.Length; k++, at += 2) LittleEndian.WriteUInt16(b, at, targets[k]);
            }
            short[] w = proj.Weights;
            for (int k = 0; k < w.Length; k++, at += 2) LittleEndian.WriteUInt16(b, at, w[k]);
            return at;
        }

        private static int WriteState(byte[] b, int at, Network network)
        {
            at = SectionHeader(b, at, ModelFormat.SectionState, StatePayload(network));
            LittleEndian.WriteInt64(b, at, network.Tick);
            LittleEndian.WriteInt32(b, at + 8, (int)network.Rng.State);
            at += 12;
            Population[] pops = network.Populations;
            for (int p = 0; p < pops.Length; p++)
            {
                Population pop = pops[p];
                System.Array.Copy(pop.Spiked, 0, b, at, pop.Spiked.Length);
                at += pop.Spiked.Length;
                LifPopulation lif = pop as LifPopulation;
                if (lif != null)
                {
                    at = WriteInts(b, at, lif.MembraneQ16);
                    System.Array.Copy(lif.RefractoryLeft, 0, b, at, lif.RefractoryLeft.Length);
                    at += lif.RefractoryLeft.Length;
                    at = WriteInts(b, at, lif.AdaptationQ16);
                }
                ReadoutPopulation readout = pop as ReadoutPopulation;
                if (readout != null) at = WriteInts(b, at, readout.ValueQ16);
                IzhikevichPopulation izh = pop as IzhikevichPopulation;
                if (izh != null)
                {
                    at = WriteInts(b, at, izh.MembraneQ16);
                    at = WriteInts(b, at, izh.RecoveryQ16);
                    LittleEndian.WriteInt32(b, at, (int)izh.NoiseState);
                    at += 4;
                }
            }
            return at;
        }

        private static int WriteInts(byte[] b, int at, int[] values)
        {
            for (int i = 0; i < values.Length; i++, at += 4) LittleEndian.WriteInt32(b, at, values[i]);
            return at;
        }
    }
}
