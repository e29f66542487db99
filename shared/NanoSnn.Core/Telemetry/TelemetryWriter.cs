namespace NanoSnn
{
    /// <summary>
    /// Encodes telemetry format v2 (see <see cref="TelemetryFormat"/>) for one network into a
    /// buffer allocated once, here, and hands each complete frame to an
    /// <see cref="ITelemetrySink"/>. After construction nothing allocates: recording a tick,
    /// hashing and framing work in the preallocated buffers.
    /// <code>
    /// writer.Begin();                                     // stream header: the state the log starts from
    /// every tick: if (r != 0) network.Reward(r);          // (1) reward, (2) supervision if any
    ///             network.Step(spikes, count);            // (3) step
    ///             ... decode outputs ...                  // (4)
    ///             writer.RecordTick(spikes, count, r, sensors, outputs);   // (5)
    /// writer.Finish();                                    // pending records and the end frame
    /// </code>
    /// Records of consecutive ticks are batched into one frame (<see cref="TelemetryOptions.TicksPerFrame"/>);
    /// a tick that does not follow the previous record starts a new frame, which a replay
    /// reports as a gap. A frame also states which rules were enabled in its steps
    /// (<see cref="Plasticity.Enabled"/>: learning on or off, e.g. by <see cref="Controller.Learning"/>),
    /// so a tick whose rules are switched differently from the previous record's starts a new
    /// frame too: switch learning between ticks, never between a step and its record.
    /// </summary>
    public sealed class TelemetryWriter
    {
        /// <summary>Buffer size when <see cref="TelemetryOptions.BufferBytes"/> is 0: one frame fits a UDP datagram on any path.</summary>
        public const int DefaultBufferBytes = 1024;

        // Payload prefix of a ticks frame at most, without the rules' enabled bitmap: first
        // tick, input size, three channel counts, component count, rule count.
        private const int TicksPrefixMaxBytes = TelemetryFormat.MaxVarint64Bytes + TelemetryFormat.MaxVarint32Bytes + 3 + TelemetryFormat.MaxVarint32Bytes + 1;

        private readonly Network _network;
        private readonly ITelemetrySink _sink;
        private readonly byte[] _buffer;
        private readonly int _capacity;
        private readonly int _inputSize;
        private readonly int _bitmapBytes;
        private readonly int _sensorChannels;
        private readonly int _outputChannels;
        private readonly int _targetChannels;
        private readonly int _components;
        private readonly int _hashInterval;
        private readonly int _ticksPerFrame;
        private readonly bool _activity;
        private readonly int _worstRecordBytes;
        private readonly byte[] _seen;
        private readonly int[] _previousSensors;
        private readonly int[] _previousOutputs;
        private readonly int _rules;
        private readonly byte[] _frameEnabled;

        private bool _begun;
        private int _at;
        private int _records;
        private long _nextTick;
        private int _sequence;
        private long _streamTicks;

        /// <summary>Creates a writer for <paramref name="network"/> sending to <paramref name="sink"/>; allocates every buffer it will use.</summary>
        /// <exception cref="System.ArgumentException">An option is out of range, or the buffer cannot hold one record of this network.</exception>
        public TelemetryWriter(Network network, TelemetryOptions options, ITelemetrySink sink)
        {
            if (network == null) throw new System.ArgumentNullException("network");
            if (options == null) throw new System.ArgumentNullException("options");
            if (sink == null) throw new System.ArgumentNullException("sink");
            CheckRange("HashIntervalTicks", options.HashIntervalTicks, 0, 65535);
            CheckRange("TicksPerFrame", options.TicksPerFrame, 1, 65535);
            CheckRange("SensorChannels", options.SensorChannels, 0, 255);
            CheckRange("OutputChannels", options.OutputChannels, 0, 255);
            CheckRange("TargetChannels", options.TargetChannels, 0, 255);
            if (network.Populations.Length > 255 || network.Projections.Length > 255 || network.Rules.Length > 255)
                throw new System.ArgumentException("telemetry v" + TelemetryFormat.Version + " records networks of at most 255 populations, 255 projections and 255 rules");
            int required = RequiredBufferBytes(network, options);
            if (required > TelemetryFormat.MaxFrameBytes)
                throw new System.ArgumentException("one record of this network can take " + required + " bytes, more than a frame holds ("
                    + TelemetryFormat.MaxFrameBytes + "); record fewer input, sensor or output channels");
            int size = options.BufferBytes;
            if (size == 0) size = DefaultBufferBytesFor(network, options);
            if (size < required)
                throw new System.ArgumentException("BufferBytes " + size + " is too small: this network and these options need at least " + required + " bytes");

            _network = network;
            _sink = sink;
            _buffer = new byte[size];
            _capacity = size < TelemetryFormat.MaxFrameBytes ? size : TelemetryFormat.MaxFrameBytes;
            _inputSize = network.InputSize;
            _bitmapBytes = (network.InputSize + 7) / 8;
            _sensorChannels = options.SensorChannels;
            _outputChannels = options.OutputChannels;
            _targetChannels = options.TargetChannels;
            _components = options.ComponentHashes ? TelemetryFormat.ComponentCount(network) : 0;
            _hashInterval = options.HashIntervalTicks;
            _ticksPerFrame = options.TicksPerFrame;
            _activity = options.Activity;
            _worstRecordBytes = WorstRecordBytes(network, options);
            _seen = new byte[_bitmapBytes];
            _previousSensors = new int[options.SensorChannels];
            _previousOutputs = new int[options.OutputChannels];
            _rules = network.Rules.Length;
            _frameEnabled = new byte[TelemetryFormat.EnabledBitmapBytes(_rules)];
        }

        private static void CheckRange(string name, int value, int min, int max)
        {
            if (value < min || value > max)
                throw new System.ArgumentException("telemetry option " + name + " is " + value + "; use " + min + ".." + max);
        }

        /// <summary>
        /// The most bytes one record of <paramref name="network"/> can take with
        /// <paramref name="options"/>: flags, the spike list in call order at its longest,
        /// reward, supervision, sensors, outputs, activity, state and component hashes.
        /// </summary>
        public static int WorstRecordBytes(Network network, TelemetryOptions options)
        {
            int inputs = network.InputSize;
            int bitmap = (inputs + 7) / 8;
            long list = TelemetryFormat.VarintBytes(inputs) + (long)inputs * TelemetryFormat.VarintBytes(2L * inputs);
            long spikes = list > bitmap ? list : bitmap;
            long n = 1 + spikes
                + TelemetryFormat.MaxVarint32Bytes
                + 1 + TelemetryFormat.MaxVarint32Bytes + (long)options.TargetChannels * TelemetryFormat.MaxVarint32Bytes
                + (long)options.SensorChannels * TelemetryFormat.MaxVarint32Bytes
                + (long)options.OutputChannels * TelemetryFormat.MaxVarint32Bytes
                + TelemetryFormat.MaxVarint32Bytes
                + 4 + (options.ComponentHashes ? 4L * TelemetryFormat.ComponentCount(network) : 0);
            return n > int.MaxValue / 2 ? int.MaxValue / 2 : (int)n;
        }

        /// <summary>The smallest buffer that holds the stream header, the end frame and a ticks frame of one worst-case record.</summary>
        public static int RequiredBufferBytes(Network network, TelemetryOptions options)
        {
            int overhead = TelemetryFormat.FrameHeaderBytes + TelemetryFormat.FrameTrailerBytes;
            int ticks = overhead + TicksPrefixMaxBytes + TelemetryFormat.EnabledBitmapBytes(network.Rules.Length) + WorstRecordBytes(network, options);
            int header = overhead + TelemetryFormat.StreamHeaderBytes;
            return ticks > header ? ticks : header;
        }

        /// <summary>The buffer a writer allocates when <see cref="TelemetryOptions.BufferBytes"/> is 0: <see cref="RequiredBufferBytes"/> or <see cref="DefaultBufferBytes"/>, whichever is larger.</summary>
        public static int DefaultBufferBytesFor(Network network, TelemetryOptions options)
        {
            int required = RequiredBufferBytes(network, options);
            return required > DefaultBufferBytes ? required : DefaultBufferBytes;
        }

        /// <summary>Bytes of the frame buffer.</summary>
        public int BufferBytes { get { return _buffer.Length; } }

        /// <summary>Frames handed to the sink.</summary>
        public long FramesWritten;

        /// <summary>Bytes handed to the sink.</summary>
        public long BytesWritten;

        /// <summary>Ticks recorded since the writer was created.</summary>
        public long TicksRecorded;

        /// <summary>Times a record's enabled rules differed from the previous record's (learning switched on or off) since the writer was created.</summary>
        public long LearningSwitches;

        /// <summary>Whether <see cref="Begin"/> has written a stream header that <see cref="Finish"/> has not closed.</summary>
        public bool IsRecording { get { return _begun; } }

        /// <summary>
        /// Starts a stream: sends the stream header with the network's present tick, state hash
        /// and structure hash. Call before the first recorded step (the header must describe the
        /// state the replay starts from); calling it again after <see cref="Finish"/> starts a
        /// new stream, e.g. after a restore.
        /// </summary>
        /// <exception cref="System.InvalidOperationException">A stream is already open.</exception>
        public void Begin()
        {
            if (_begun) throw new System.InvalidOperationException("telemetry stream already begun; call Finish first");
            CheckRules();
            Network n = _network;
            byte[] b = _buffer;
            int p = TelemetryFormat.FrameHeaderBytes;
            LittleEndian.WriteInt32(b, p, n.DtUs);
            LittleEndian.WriteInt32(b, p + 4, (int)n.Seed);
            LittleEndian.WriteInt32(b, p + 8, n.InputSize);
            LittleEndian.WriteInt64(b, p + 12, n.Tick);
            LittleEndian.WriteInt32(b, p + 20, (int)n.ComputeStateHash());
            LittleEndian.WriteInt32(b, p + 24, (int)TelemetryFormat.StructureHash(n));
            LittleEndian.WriteUInt16(b, p + 28, _hashInterval);
            LittleEndian.WriteUInt16(b, p + 30, _ticksPerFrame);
            b[p + 32] = (byte)_sensorChannels;
            b[p + 33] = (byte)_outputChannels;
            b[p + 34] = (byte)_targetChannels;
            b[p + 35] = (byte)((_components > 0 ? TelemetryFormat.OptionComponentHashes : 0) | (_activity ? TelemetryFormat.OptionActivity : 0));
            b[p + 36] = (byte)n.Populations.Length;
            b[p + 37] = (byte)n.Projections.Length;
            b[p + 38] = (byte)n.Rules.Length;
            b[p + 39] = 0;
            Emit(TelemetryFormat.FrameStreamHeader, TelemetryFormat.StreamHeaderBytes);
            _begun = true;
            _streamTicks = 0;
            _records = 0;
            _at = 0;
        }

        /// <summary>
        /// Records the tick the network has just stepped (Network.Tick − 1): the spikes given to
        /// Step, the reward delivered before it (0 = none), the sensor samples and decoded
        /// outputs (null = not recorded this tick; otherwise at least the configured channel
        /// counts), the activity count and, when due, the state hash. Allocation-free.
        /// </summary>
        /// <exception cref="System.ArgumentException">The arguments do not match what Step accepts or the configured channel counts (nothing is recorded).</exception>
        /// <exception cref="System.InvalidOperationException">No stream begun, or this tick was already recorded.</exception>
        public void RecordTick(int[] spikes, int spikeCount, int rewardQ16, int[] sensors, int[] outputs)
        {
            Record(spikes, spikeCount, rewardQ16, false, null, -1, false, sensors, outputs);
        }

        /// <summary>
        /// <see cref="RecordTick"/> for a tick whose step followed <c>network.Supervise(targetsQ16,
        /// targetClass, targetValid)</c>; <paramref name="targetsQ16"/> may be null (as in
        /// Supervise) or holds at least the configured target channels.
        /// </summary>
        public void RecordSupervisedTick(int[] spikes, int spikeCount, int rewardQ16, int[] targetsQ16, int targetClass, bool targetValid, int[] sensors, int[] outputs)
        {
            Record(spikes, spikeCount, rewardQ16, true, targetsQ16, targetClass, targetValid, sensors, outputs);
        }

        private void Record(int[] spikes, int spikeCount, int rewardQ16, bool supervised, int[] targets, int targetClass, bool targetValid, int[] sensors, int[] outputs)
        {
            if (!_begun) throw new System.InvalidOperationException("telemetry stream not begun: call Begin before the first recorded step");
            if (spikeCount < 0 || (spikeCount > 0 && (spikes == null || spikeCount > spikes.Length)))
                throw new System.ArgumentException("spike count " + spikeCount + " does not fit the spike array");
            int inputs = _inputSize;
            for (int k = 0; k < spikeCount; k++)
            {
                int index = spikes[k];
                if (index < 0 || index >= inputs)
                    throw new System.ArgumentException("input spike index " + index + " at position " + k + " is outside 0.." + (inputs - 1));
            }
            if (sensors != null && sensors.Length < _sensorChannels)
                throw new System.ArgumentException("sensors has " + sensors.Length + " values; the stream records " + _sensorChannels);
            if (outputs != null && outputs.Length < _outputChannels)
                throw new System.ArgumentException("outputs has " + outputs.Length + " values; the stream records " + _outputChannels);
            if (targets != null && targets.Length < _targetChannels)
                throw new System.ArgumentException("targets has " + targets.Length + " values; the stream records " + _targetChannels);
            long tick = _network.Tick - 1;
            if (_streamTicks > 0 && tick < _nextTick)
                throw new System.InvalidOperationException("tick " + tick + " recorded after tick " + (_nextTick - 1) + ": record each step once, after it");
            CheckRules();

            // The frame states the rules' Enabled flags of all its steps: a switch starts a new frame.
            bool switched = _streamTicks > 0 && !SameRulesEnabled();
            if (switched) LearningSwitches++;
            if (_records > 0 && (tick != _nextTick || switched || _at + _worstRecordBytes + TelemetryFormat.FrameTrailerBytes > _capacity)) Flush();
            if (_records == 0) OpenTicksFrame(tick);

            byte[] b = _buffer;
            int flagsAt = _at;
            int at = flagsAt + 1;
            int flags = 0;
            if (spikeCount > 0)
            {
                int encoding = EncodeSpikes(spikes, spikeCount, at, out at);
                flags |= encoding;
            }
            if (rewardQ16 != 0)
            {
                flags |= TelemetryFormat.FlagReward;
                at = TelemetryFormat.WriteVarint(b, at, TelemetryFormat.ZigZag(rewardQ16));
            }
            if (supervised)
            {
                flags |= TelemetryFormat.FlagSupervision;
                bool withTargets = targets != null && _targetChannels > 0;
                b[at++] = (byte)((targetValid ? TelemetryFormat.SupervisionValid : 0) | (withTargets ? TelemetryFormat.SupervisionTargets : 0));
                at = TelemetryFormat.WriteVarint(b, at, TelemetryFormat.ZigZag(targetClass));
                if (withTargets)
                    for (int k = 0; k < _targetChannels; k++) at = TelemetryFormat.WriteVarint(b, at, TelemetryFormat.ZigZag(targets[k]));
            }
            if (sensors != null && _sensorChannels > 0)
            {
                flags |= TelemetryFormat.FlagSensors;
                at = WriteDeltas(sensors, _previousSensors, at);
            }
            if (outputs != null && _outputChannels > 0)
            {
                flags |= TelemetryFormat.FlagOutputs;
                at = WriteDeltas(outputs, _previousOutputs, at);
            }
            if (_activity)
            {
                flags |= TelemetryFormat.FlagActivity;
                at = TelemetryFormat.WriteVarint(b, at, TelemetryFormat.Activity(_network));
            }
            if (_hashInterval > 0 && _network.Tick % _hashInterval == 0)
            {
                flags |= TelemetryFormat.FlagStateHash;
                LittleEndian.WriteInt32(b, at, (int)_network.ComputeStateHash());
                at += 4;
                for (int c = 0; c < _components; c++)
                {
                    LittleEndian.WriteInt32(b, at, (int)TelemetryFormat.ComponentHash(_network, c));
                    at += 4;
                }
            }
            b[flagsAt] = (byte)flags;
            _at = at;
            _records++;
            _nextTick = tick + 1;
            TicksRecorded++;
            _streamTicks++;
            if (_records >= _ticksPerFrame) Flush();
        }

        private int WriteDeltas(int[] values, int[] previous, int at)
        {
            byte[] b = _buffer;
            for (int k = 0; k < previous.Length; k++)
            {
                at = TelemetryFormat.WriteVarint(b, at, TelemetryFormat.ZigZag((long)values[k] - previous[k]));
                previous[k] = values[k];
            }
            return at;
        }

        // Chooses the smallest encoding that gives Step the same spike list: a bitmap or an
        // ascending list when the first occurrences ascend, otherwise the list in call order.
        // Repeats are dropped (Step counts a repeat once); _seen marks first occurrences and is
        // cleared again before returning.
        private int EncodeSpikes(int[] spikes, int count, int at, out int end)
        {
            byte[] b = _buffer;
            byte[] seen = _seen;
            int unique = 0;
            bool ascending = true;
            int previous = -1;
            int ascendingBytes = 0;
            for (int k = 0; k < count; k++)
            {
                int index = spikes[k];
                int mask = 1 << (index & 7);
                if ((seen[index >> 3] & mask) != 0) continue;
                seen[index >> 3] = (byte)(seen[index >> 3] | mask);
                unique++;
                if (index <= previous) ascending = false;
                else ascendingBytes += TelemetryFormat.VarintBytes(index - previous - 1);
                previous = index;
            }

            if (ascending)
            {
                for (int k = 0; k < count; k++) seen[spikes[k] >> 3] = 0;
                int listBytes = TelemetryFormat.VarintBytes(unique) + ascendingBytes;
                if (_bitmapBytes <= listBytes)
                {
                    System.Array.Clear(b, at, _bitmapBytes);
                    for (int k = 0; k < count; k++)
                    {
                        int index = spikes[k];
                        b[at + (index >> 3)] = (byte)(b[at + (index >> 3)] | (1 << (index & 7)));
                    }
                    end = at + _bitmapBytes;
                    return TelemetryFormat.SpikesBitmap;
                }
                at = TelemetryFormat.WriteVarint(b, at, unique);
                previous = -1;
                for (int k = 0; k < count; k++)
                {
                    int index = spikes[k];
                    if (index <= previous) continue; // a repeat: the first occurrences ascend
                    at = TelemetryFormat.WriteVarint(b, at, index - previous - 1);
                    previous = index;
                }
                end = at;
                return TelemetryFormat.SpikesAscending;
            }

            // In call order: _seen still marks every index; a first occurrence clears its mark.
            at = TelemetryFormat.WriteVarint(b, at, unique);
            previous = 0;
            for (int k = 0; k < count; k++)
            {
                int index = spikes[k];
                int mask = 1 << (index & 7);
                if ((seen[index >> 3] & mask) == 0) continue;
                seen[index >> 3] = (byte)(seen[index >> 3] & ~mask);
                at = TelemetryFormat.WriteVarint(b, at, TelemetryFormat.ZigZag((long)index - previous));
                previous = index;
            }
            end = at;
            return TelemetryFormat.SpikesInOrder;
        }

        private void CheckRules()
        {
            if (_network.Rules.Length != _rules)
                throw new System.InvalidOperationException("the network has " + _network.Rules.Length + " learning rules; the writer was made for " + _rules
                    + ": attach rules before creating the writer");
        }

        // Whether every rule's Enabled flag equals the open (or last) frame's bitmap.
        private bool SameRulesEnabled()
        {
            Plasticity[] rules = _network.Rules;
            byte[] enabled = _frameEnabled;
            for (int r = 0; r < rules.Length; r++)
                if (((enabled[r >> 3] & (1 << (r & 7))) != 0) != rules[r].Enabled) return false;
            return true;
        }

        private void OpenTicksFrame(long tick)
        {
            byte[] b = _buffer;
            int at = TelemetryFormat.FrameHeaderBytes;
            at = TelemetryFormat.WriteVarint(b, at, tick);
            at = TelemetryFormat.WriteVarint(b, at, _inputSize);
            b[at++] = (byte)_sensorChannels;
            b[at++] = (byte)_outputChannels;
            b[at++] = (byte)_targetChannels;
            at = TelemetryFormat.WriteVarint(b, at, _components);
            b[at++] = (byte)_rules;
            byte[] enabled = _frameEnabled;
            System.Array.Clear(enabled, 0, enabled.Length);
            Plasticity[] rules = _network.Rules;
            for (int r = 0; r < rules.Length; r++)
                if (rules[r].Enabled) enabled[r >> 3] = (byte)(enabled[r >> 3] | (1 << (r & 7)));
            System.Array.Copy(enabled, 0, b, at, enabled.Length);
            at += enabled.Length;
            System.Array.Clear(_previousSensors, 0, _previousSensors.Length);
            System.Array.Clear(_previousOutputs, 0, _previousOutputs.Length);
            _at = at;
        }

        /// <summary>Sends the pending records (if any) as one frame now, e.g. before a pause or on a timer.</summary>
        public void Flush()
        {
            if (_records == 0) return;
            Emit(TelemetryFormat.FrameTicks, _at - TelemetryFormat.FrameHeaderBytes);
            _records = 0;
            _at = 0;
        }

        /// <summary>
        /// Ends the stream: flushes the pending records and sends the end frame with the ticks
        /// recorded in this stream, the final tick and the final state hash. <see cref="Begin"/> may start a new stream.
        /// </summary>
        public void Finish()
        {
            if (!_begun) throw new System.InvalidOperationException("telemetry stream not begun");
            Flush();
            byte[] b = _buffer;
            int at = TelemetryFormat.FrameHeaderBytes;
            at = TelemetryFormat.WriteVarint(b, at, _streamTicks);
            at = TelemetryFormat.WriteVarint(b, at, _network.Tick);
            LittleEndian.WriteInt32(b, at, (int)_network.ComputeStateHash());
            at += 4;
            Emit(TelemetryFormat.FrameEnd, at - TelemetryFormat.FrameHeaderBytes);
            _begun = false;
        }

        private void Emit(int type, int payloadBytes)
        {
            byte[] b = _buffer;
            b[0] = TelemetryFormat.Sync0;
            b[1] = TelemetryFormat.Sync1;
            b[2] = TelemetryFormat.Version;
            b[3] = (byte)type;
            b[4] = (byte)_sequence;
            LittleEndian.WriteUInt16(b, 5, payloadBytes);
            b[7] = (byte)TelemetryFormat.HeaderCheck(b, 0);
            int end = TelemetryFormat.FrameHeaderBytes + payloadBytes;
            LittleEndian.WriteInt32(b, end, (int)Crc32.Compute(b, 0, end));
            end += TelemetryFormat.FrameTrailerBytes;
            _sequence = (_sequence + 1) & 0xFF;
            FramesWritten++;
            BytesWritten += end;
            _sink.Write(b, 0, end);
        }
    }
}
