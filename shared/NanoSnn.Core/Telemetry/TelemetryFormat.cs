namespace NanoSnn
{
    /// <summary>
    /// Telemetry format v2: a stream of self-delimiting frames that a device sends over serial
    /// or UDP and the host writes to files, so that <c>nanosnn verify</c> can replay a run
    /// through the same core and <c>nanosnn monitor</c> can watch it. All integers are
    /// little-endian; "varint" is unsigned LEB128 (7 bits per byte, low group first, high bit
    /// = more), "zigzag" maps a signed value v to (v &lt;&lt; 1) ^ (v &gt;&gt; 63) before varint coding.
    /// <code>
    /// frame    0  u8  0xA5, 1 u8 0x4E          sync: a reader that lost its place scans for these
    ///          2  u8  format version = 2 (v1 lacked the enabled rules of a ticks frame; readers reject it)
    ///          3  u8  frame type                 1 stream header, 2 ticks, 3 end
    ///          4  u8  sequence                   +1 per frame of one writer, 255 wraps to 0 (counts lost frames)
    ///          5  u16 payload length n           0..65535
    ///          7  u8  header check               low byte of the CRC-32 of bytes 0..6 (rejects false syncs early)
    ///          8  payload (n bytes)
    ///        8+n  u32 CRC-32 of bytes 0..7+n     (the CRC of <see cref="Crc32"/>)
    ///
    /// 1 stream header (40 bytes)
    ///          0  u32 dt µs            4  u32 seed          8  u32 input size (network input channels)
    ///         12  i64 start tick       (Network.Tick when recording began: the first record's tick)
    ///         20  u32 start state hash (Network.ComputeStateHash() before the first recorded step)
    ///         24  u32 structure hash   (<see cref="StructureHash"/>: populations, projections, rules)
    ///         28  u16 hash interval H  (a record carries the state hash when Network.Tick after its step
    ///                                   is a multiple of H; 0 = never)
    ///         30  u16 ticks per frame  (the writer's batch size, informational)
    ///         32  u8 sensor channels, 33 u8 output channels, 34 u8 target channels
    ///         35  u8 options           bit 0: state hashes come with component hashes; bit 1: activity counts
    ///         36  u8 populations, 37 u8 projections, 38 u8 rules, 39 u8 reserved = 0
    ///
    /// 2 ticks: records of consecutive ticks first, first+1, ... until the payload ends
    ///             varint first tick, varint input size, u8 sensor channels, u8 output channels,
    ///             u8 target channels, varint component hashes per state hash (0 = none),
    ///             u8 rules R, ceil(R / 8) bytes enabled rules: bit r%8 of byte r/8 = rule r's
    ///                      Plasticity.Enabled in every step of this frame (learning on or off;
    ///                      unused high bits 0). A record whose rules are switched differently
    ///                      from the previous record's starts a new frame.
    ///    record   u8 flags, then the fields whose flag is set, in flag order:
    ///             bits 0-1 spikes: 0 none; 1 bitmap of ceil(input size / 8) bytes, bit i%8 of byte
    ///                      i/8 = index i; 2 ascending list: varint count, varint (index − previous − 1)
    ///                      from previous = −1; 3 list in call order: varint count, zigzag (index −
    ///                      previous) from previous = 0
    ///             bit 2 reward: zigzag reward Q16 (never 0)
    ///             bit 3 supervision: u8 (bit 0 valid, bit 1 targets present), zigzag target class,
    ///                      if targets present: target channels × zigzag target Q16
    ///             bit 4 sensors: sensor channels × zigzag (sample − same channel's sample in the
    ///                      previous record of this frame that had sensors, 0 in the first)
    ///             bit 5 outputs: output channels × zigzag, delta-coded like the sensors
    ///             bit 6 activity: varint spikes of all non-input populations in this tick
    ///             bit 7 state hash: u32 Network.ComputeStateHash() after the step, then the
    ///                      component hashes (u32 each, see <see cref="ComponentHash"/>)
    ///
    /// 3 end       varint ticks recorded, varint final tick (Network.Tick), u32 final state hash
    /// </code>
    /// A frame depends on no other frame (ticks frames repeat the sizes they need), so a
    /// reader that joins late or loses a frame decodes everything else.
    /// <para>
    /// The per-tick order, on which lockstep replay depends: for tick t (Network.Tick = t before
    /// the step) the controller (0) has learning switched as it is for this tick (between ticks:
    /// <see cref="Controller.Learning"/> sets every rule's <see cref="Plasticity.Enabled"/> and,
    /// when off, delivers neither reward nor supervision), (1) delivers the reward, <c>network.Reward(r)</c>, only when r ≠
    /// 0, (2) delivers supervision, <c>network.Supervise(targets, class, valid)</c>, if it
    /// supervises this tick, (3) calls <c>network.Step(spikes, count)</c>, (4) decodes its
    /// outputs, (5) calls <see cref="TelemetryWriter.RecordTick"/> (or
    /// <see cref="TelemetryWriter.RecordSupervisedTick"/>). The record of tick t holds the
    /// inputs of (1)-(3), the outputs of (4) and, when due, the state hash after the step
    /// (Network.Tick = t + 1); its frame holds the rules' Enabled flags of (0), read when the
    /// record is written (nothing may switch them between (3) and (5)). A replay sets every
    /// rule's Enabled from the frame (0), does (1)-(3) from the record and compares the hash.
    /// The enabled rules are stated in every ticks frame, not only when they change, so that no
    /// frame depends on another: a lost frame is a gap in the ticks, never a silently wrong
    /// learning state. The header does not repeat them (the first ticks frame states them).
    /// Spikes are recorded as given with repeats removed (Step counts a repeat once), so the
    /// input population sees the same spike list in the same order.
    /// </para>
    /// </summary>
    public static class TelemetryFormat
    {
        /// <summary>The format version this build writes and reads (2: ticks frames state the enabled rules).</summary>
        public const int Version = 2;

        /// <summary>First sync byte.</summary>
        public const int Sync0 = 0xA5;

        /// <summary>Second sync byte ('N').</summary>
        public const int Sync1 = 0x4E;

        /// <summary>Bytes before the payload: sync, version, type, sequence, length, header check.</summary>
        public const int FrameHeaderBytes = 8;

        /// <summary>Bytes of the CRC-32 after the payload.</summary>
        public const int FrameTrailerBytes = 4;

        /// <summary>Largest payload (the length field is 16 bits).</summary>
        public const int MaxPayloadBytes = 65535;

        /// <summary>Largest frame: header, payload and CRC.</summary>
        public const int MaxFrameBytes = FrameHeaderBytes + MaxPayloadBytes + FrameTrailerBytes;

        /// <summary>Frame type: stream header.</summary>
        public const int FrameStreamHeader = 1;

        /// <summary>Frame type: tick records.</summary>
        public const int FrameTicks = 2;

        /// <summary>Frame type: end of the stream.</summary>
        public const int FrameEnd = 3;

        /// <summary>Bytes of the stream header payload.</summary>
        public const int StreamHeaderBytes = 40;

        /// <summary>Stream option: every state hash is followed by the component hashes.</summary>
        public const int OptionComponentHashes = 1;

        /// <summary>Stream option: records carry the activity count.</summary>
        public const int OptionActivity = 2;

        /// <summary>Record flags, bits 0-1: the spike encoding.</summary>
        public const int SpikeEncodingMask = 3;

        /// <summary>Spike encoding: no spike this tick.</summary>
        public const int SpikesNone = 0;

        /// <summary>Spike encoding: bitmap of the input channels.</summary>
        public const int SpikesBitmap = 1;

        /// <summary>Spike encoding: strictly ascending list, gaps as varints.</summary>
        public const int SpikesAscending = 2;

        /// <summary>Spike encoding: list in call order, signed differences as zigzag varints.</summary>
        public const int SpikesInOrder = 3;

        /// <summary>Record flag: a reward was delivered before the step.</summary>
        public const int FlagReward = 4;

        /// <summary>Record flag: supervision was delivered before the step.</summary>
        public const int FlagSupervision = 8;

        /// <summary>Record flag: sensor samples follow.</summary>
        public const int FlagSensors = 16;

        /// <summary>Record flag: decoded outputs follow.</summary>
        public const int FlagOutputs = 32;

        /// <summary>Record flag: the activity count follows.</summary>
        public const int FlagActivity = 64;

        /// <summary>Record flag: the state hash (and component hashes) follow.</summary>
        public const int FlagStateHash = 128;

        /// <summary>Supervision byte: the supervision is valid.</summary>
        public const int SupervisionValid = 1;

        /// <summary>Supervision byte: target values follow.</summary>
        public const int SupervisionTargets = 2;

        /// <summary>Most bytes a varint of a 32-bit value takes.</summary>
        public const int MaxVarint32Bytes = 5;

        /// <summary>Most bytes a varint of a 64-bit value takes.</summary>
        public const int MaxVarint64Bytes = 10;

        /// <summary>Bytes of a ticks frame's enabled-rules bitmap for <paramref name="rules"/> rules: ceil(rules / 8).</summary>
        public static int EnabledBitmapBytes(int rules)
        {
            return (rules + 7) >> 3;
        }

        /// <summary>Writes <paramref name="value"/> (taken as unsigned) as a varint at <paramref name="at"/>; returns the position after it.</summary>
        public static int WriteVarint(byte[] buffer, int at, long value)
        {
            ulong v = (ulong)value;
            while (v >= 0x80)
            {
                buffer[at++] = (byte)(v | 0x80);
                v >>= 7;
            }
            buffer[at++] = (byte)v;
            return at;
        }

        /// <summary>Bytes <see cref="WriteVarint"/> takes for <paramref name="value"/>.</summary>
        public static int VarintBytes(long value)
        {
            ulong v = (ulong)value;
            int n = 1;
            while (v >= 0x80)
            {
                v >>= 7;
                n++;
            }
            return n;
        }

        /// <summary>The zigzag code of a signed value: small magnitudes of either sign give small codes.</summary>
        public static long ZigZag(long value)
        {
            return (value << 1) ^ (value >> 63);
        }

        /// <summary>The signed value of a zigzag code.</summary>
        public static long UnZigZag(long code)
        {
            return (long)((ulong)code >> 1) ^ -(code & 1);
        }

        /// <summary>The header check byte of the frame header at <paramref name="at"/>: the low byte of the CRC-32 of its first 7 bytes.</summary>
        public static int HeaderCheck(byte[] buffer, int at)
        {
            return (int)(Crc32.Compute(buffer, at, FrameHeaderBytes - 1) & 0xFF);
        }

        /// <summary>
        /// Fingerprint of what a network is made of (not of its state): tick length, seed, input
        /// size, each population's kind, size and name, each projection's kind, ends, synapse
        /// count and weight shift, each rule's byte counts. A log and a model with different
        /// structure hashes cannot replay one another.
        /// </summary>
        public static uint StructureHash(Network network)
        {
            uint h = StateHash.Add(StateHash.Empty, network.DtUs);
            h = StateHash.Add(h, (int)network.Seed);
            h = StateHash.Add(h, network.InputSize);
            Population[] pops = network.Populations;
            h = StateHash.Add(h, pops.Length);
            for (int p = 0; p < pops.Length; p++)
            {
                h = StateHash.Add(h, (int)pops[p].Kind);
                h = StateHash.Add(h, pops[p].Size);
                string name = pops[p].Name;
                for (int c = 0; c < name.Length; c++) h = StateHash.Add(h, (int)name[c]);
                h = StateHash.Add(h, name.Length);
            }
            Projection[] projs = network.Projections;
            h = StateHash.Add(h, projs.Length);
            for (int q = 0; q < projs.Length; q++)
            {
                h = StateHash.Add(h, (int)projs[q].Kind);
                h = StateHash.Add(h, projs[q].Source.Index);
                h = StateHash.Add(h, projs[q].Target.Index);
                h = StateHash.Add(h, projs[q].SynapseCount);
                h = StateHash.Add(h, projs[q].WeightShift);
            }
            Plasticity[] rules = network.Rules;
            h = StateHash.Add(h, rules.Length);
            for (int r = 0; r < rules.Length; r++)
            {
                h = StateHash.Add(h, rules[r].ParameterBytes);
                h = StateHash.Add(h, rules[r].StateBytes);
            }
            return h;
        }

        /// <summary>Number of component hashes: the clock (tick and generator), each population, each projection, each rule.</summary>
        public static int ComponentCount(Network network)
        {
            return 1 + network.Populations.Length + network.Projections.Length + network.Rules.Length;
        }

        /// <summary>
        /// Hash of one component of the state, each folded from <see cref="StateHash.Empty"/>:
        /// 0 the clock (tick, generator), then the populations' states, the projections' weights
        /// and the rules' states in network order. When a replay's state hash differs, the
        /// component hashes say which part diverged.
        /// </summary>
        public static uint ComponentHash(Network network, int component)
        {
            if (component == 0)
                return StateHash.Add(StateHash.Add(StateHash.Empty, network.Tick), (int)network.Rng.State);
            int k = component - 1;
            Population[] pops = network.Populations;
            if (k < pops.Length) return pops[k].HashState(StateHash.Empty);
            k -= pops.Length;
            Projection[] projs = network.Projections;
            if (k < projs.Length) return StateHash.AddShorts(StateHash.Empty, projs[k].Weights);
            k -= projs.Length;
            return network.Rules[k].HashState(StateHash.Empty);
        }

        /// <summary>Spikes of all non-input populations in the latest tick (the activity count of a record).</summary>
        public static int Activity(Network network)
        {
            Population[] pops = network.Populations;
            int n = 0;
            for (int p = 0; p < pops.Length; p++)
                if (pops[p].Kind != PopulationKind.Input) n += pops[p].SpikeCount;
            return n;
        }
    }
}
