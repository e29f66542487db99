using System;

namespace NanoSnn.Cli.Telemetry
{
    /// <summary>The stream header frame (see <see cref="TelemetryFormat"/>): what the log was recorded from.</summary>
    public sealed class TelemetryStreamHeader
    {
        /// <summary>Tick length, µs.</summary>
        public int DtUs;
        /// <summary>The network's seed.</summary>
        public uint Seed;
        /// <summary>Input channels of the network.</summary>
        public int InputSize;
        /// <summary>Tick of the first record (Network.Tick when recording began).</summary>
        public long StartTick;
        /// <summary>Network.ComputeStateHash() before the first recorded step.</summary>
        public uint StartStateHash;
        /// <summary>TelemetryFormat.StructureHash of the network.</summary>
        public uint StructureHash;
        /// <summary>Ticks between state hashes (0 = none).</summary>
        public int HashIntervalTicks;
        /// <summary>The writer's batch size.</summary>
        public int TicksPerFrame;
        /// <summary>Sensor samples per record.</summary>
        public int SensorChannels;
        /// <summary>Outputs per record.</summary>
        public int OutputChannels;
        /// <summary>Supervision targets per record.</summary>
        public int TargetChannels;
        /// <summary>Option bits (TelemetryFormat.Option*).</summary>
        public int Options;
        /// <summary>Populations of the network.</summary>
        public int Populations;
        /// <summary>Projections of the network.</summary>
        public int Projections;
        /// <summary>Learning rules attached.</summary>
        public int Rules;

        /// <summary>Whether state hashes come with component hashes.</summary>
        public bool ComponentHashes { get { return (Options & TelemetryFormat.OptionComponentHashes) != 0; } }
    }

    /// <summary>One tick of a ticks frame: what the controller gave the network, what it decoded, and the checks.</summary>
    public sealed class TickRecord
    {
        /// <summary>The tick (Network.Tick before its step).</summary>
        public long Tick;
        /// <summary>Input spike indices in the order given to Step (never null).</summary>
        public int[] Spikes;
        /// <summary>How the spikes were encoded (TelemetryFormat.Spikes*).</summary>
        public int SpikeEncoding;
        /// <summary>Reward delivered before the step, Q16; 0 = none.</summary>
        public int RewardQ16;
        /// <summary>Whether Supervise was called before the step.</summary>
        public bool Supervised;
        /// <summary>The supervision's valid flag.</summary>
        public bool TargetValid;
        /// <summary>The supervision's target class.</summary>
        public int TargetClass = -1;
        /// <summary>The supervision's targets (Q16), or null.</summary>
        public int[] TargetsQ16;
        /// <summary>Sensor samples, or null when not recorded.</summary>
        public int[] Sensors;
        /// <summary>Decoded outputs, or null when not recorded.</summary>
        public int[] Outputs;
        /// <summary>Whether <see cref="Activity"/> was recorded.</summary>
        public bool HasActivity;
        /// <summary>Spikes of the non-input populations in this tick.</summary>
        public int Activity;
        /// <summary>Whether the state hash was recorded.</summary>
        public bool HasStateHash;
        /// <summary>Network.ComputeStateHash() after the step.</summary>
        public uint StateHash;
        /// <summary>Component hashes after the step, or null.</summary>
        public uint[] ComponentHashes;
        /// <summary>Bytes the record took in its frame.</summary>
        public int EncodedBytes;
        /// <summary>Each rule's Enabled flag in this step (the frame's <see cref="TelemetryTicks.RulesEnabled"/>, shared by its records).</summary>
        public bool[] RulesEnabled;

        /// <summary>Whether every rule was enabled (learning on; false for a network without rules).</summary>
        public bool Learning { get { return RulesEnabled.Length > 0 && Array.TrueForAll(RulesEnabled, e => e); } }

        /// <summary>Rules enabled in this step.</summary>
        public int RulesEnabledCount { get { return Array.FindAll(RulesEnabled, e => e).Length; } }
    }

    /// <summary>A ticks frame: records of consecutive ticks.</summary>
    public sealed class TelemetryTicks
    {
        /// <summary>Tick of the first record.</summary>
        public long FirstTick;
        /// <summary>Input channels (bitmap width).</summary>
        public int InputSize;
        /// <summary>Sensor samples per record.</summary>
        public int SensorChannels;
        /// <summary>Outputs per record.</summary>
        public int OutputChannels;
        /// <summary>Targets per supervision.</summary>
        public int TargetChannels;
        /// <summary>Component hashes per state hash.</summary>
        public int ComponentCount;
        /// <summary>Each rule's Enabled flag in every step of this frame (rule r at index r).</summary>
        public bool[] RulesEnabled;
        /// <summary>The records, tick FirstTick + i at index i.</summary>
        public TickRecord[] Records;
    }

    /// <summary>The end frame.</summary>
    public sealed class TelemetryEnd
    {
        /// <summary>Ticks recorded in the stream.</summary>
        public long TicksRecorded;
        /// <summary>Network.Tick at the end.</summary>
        public long FinalTick;
        /// <summary>Network.ComputeStateHash() at the end.</summary>
        public uint FinalStateHash;
    }

    /// <summary>One valid frame read from a stream; exactly one of the content fields is set.</summary>
    public sealed class TelemetryFrame
    {
        /// <summary>Frame type (TelemetryFormat.Frame*).</summary>
        public int Type;
        /// <summary>The writer's sequence number, 0..255.</summary>
        public int Sequence;
        /// <summary>Byte offset of the frame's first sync byte in the input.</summary>
        public long Offset;
        /// <summary>Bytes of the whole frame (header, payload, CRC).</summary>
        public int Bytes;
        /// <summary>The stream header, for type 1.</summary>
        public TelemetryStreamHeader Header;
        /// <summary>The records, for type 2.</summary>
        public TelemetryTicks Ticks;
        /// <summary>The end, for type 3.</summary>
        public TelemetryEnd End;
    }
}
