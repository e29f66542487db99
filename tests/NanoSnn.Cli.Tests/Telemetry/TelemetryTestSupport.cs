using System;
using System.Collections.Generic;
using System.IO;
using NanoSnn.Cli.Scenarios;
using NanoSnn.Cli.Telemetry;

namespace NanoSnn.Cli.Tests.Telemetry
{
    /// <summary>Collects the frames a writer sends, one array per frame.</summary>
    internal sealed class MemorySink : ITelemetrySink
    {
        public readonly List<byte[]> Frames = new List<byte[]>();

        public void Write(byte[] buffer, int offset, int count)
        {
            Frames.Add(buffer.AsSpan(offset, count).ToArray());
        }

        public byte[] Concat()
        {
            return Join(Frames);
        }

        public static byte[] Join(IEnumerable<byte[]> parts)
        {
            MemoryStream s = new MemoryStream();
            foreach (byte[] p in parts) s.Write(p, 0, p.Length);
            return s.ToArray();
        }
    }

    /// <summary>
    /// A second, independent encoder of telemetry format v2, written from the format's
    /// documentation: decoding a writer's log and re-encoding it here must give the same
    /// bytes, and tests use it to forge logs (a changed spike, reward or hash with a valid CRC).
    /// </summary>
    internal static class FrameEncoder
    {
        public static byte[] Frame(int type, int sequence, byte[] payload, int version = TelemetryFormat.Version)
        {
            byte[] f = new byte[8 + payload.Length + 4];
            f[0] = 0xA5;
            f[1] = 0x4E;
            f[2] = (byte)version;
            f[3] = (byte)type;
            f[4] = (byte)sequence;
            f[5] = (byte)payload.Length;
            f[6] = (byte)(payload.Length >> 8);
            f[7] = (byte)(Crc32.Compute(f, 0, 7) & 0xFF);
            payload.CopyTo(f, 8);
            FixCrc(f);
            return f;
        }

        /// <summary>Recomputes the header check and CRC of a frame whose payload was edited in place.</summary>
        public static void FixCrc(byte[] f)
        {
            f[7] = (byte)(Crc32.Compute(f, 0, 7) & 0xFF);
            uint crc = Crc32.Compute(f, 0, f.Length - 4);
            for (int i = 0; i < 4; i++) f[f.Length - 4 + i] = (byte)(crc >> (8 * i));
        }

        public static byte[] Encode(TelemetryFrame frame)
        {
            if (frame.Header != null) return Frame(TelemetryFormat.FrameStreamHeader, frame.Sequence, Header(frame.Header));
            if (frame.End != null) return Frame(TelemetryFormat.FrameEnd, frame.Sequence, End(frame.End));
            return Frame(TelemetryFormat.FrameTicks, frame.Sequence, Ticks(frame.Ticks));
        }

        private static void U32(List<byte> b, long v)
        {
            for (int i = 0; i < 4; i++) b.Add((byte)(v >> (8 * i)));
        }

        public static void Varint(List<byte> b, ulong v)
        {
            while (v >= 0x80)
            {
                b.Add((byte)(v | 0x80));
                v >>= 7;
            }
            b.Add((byte)v);
        }

        private static void ZigZag(List<byte> b, long v)
        {
            Varint(b, (ulong)((v << 1) ^ (v >> 63)));
        }

        public static byte[] Header(TelemetryStreamHeader h)
        {
            List<byte> b = new List<byte>();
            U32(b, h.DtUs);
            U32(b, h.Seed);
            U32(b, h.InputSize);
            U32(b, h.StartTick);
            U32(b, h.StartTick >> 32);
            U32(b, h.StartStateHash);
            U32(b, h.StructureHash);
            b.Add((byte)h.HashIntervalTicks);
            b.Add((byte)(h.HashIntervalTicks >> 8));
            b.Add((byte)h.TicksPerFrame);
            b.Add((byte)(h.TicksPerFrame >> 8));
            b.Add((byte)h.SensorChannels);
            b.Add((byte)h.OutputChannels);
            b.Add((byte)h.TargetChannels);
            b.Add((byte)h.Options);
            b.Add((byte)h.Populations);
            b.Add((byte)h.Projections);
            b.Add((byte)h.Rules);
            b.Add(0);
            return b.ToArray();
        }

        public static byte[] End(TelemetryEnd e)
        {
            List<byte> b = new List<byte>();
            Varint(b, (ulong)e.TicksRecorded);
            Varint(b, (ulong)e.FinalTick);
            U32(b, e.FinalStateHash);
            return b.ToArray();
        }

        public static byte[] Ticks(TelemetryTicks t)
        {
            List<byte> b = new List<byte>();
            Varint(b, (ulong)t.FirstTick);
            Varint(b, (ulong)t.InputSize);
            b.Add((byte)t.SensorChannels);
            b.Add((byte)t.OutputChannels);
            b.Add((byte)t.TargetChannels);
            Varint(b, (ulong)t.ComponentCount);
            b.Add((byte)t.RulesEnabled.Length);
            byte[] enabled = new byte[(t.RulesEnabled.Length + 7) / 8];
            for (int r = 0; r < t.RulesEnabled.Length; r++) if (t.RulesEnabled[r]) enabled[r / 8] |= (byte)(1 << (r % 8));
            b.AddRange(enabled);
            int[] sensors = new int[t.SensorChannels];
            int[] outputs = new int[t.OutputChannels];
            foreach (TickRecord r in t.Records)
            {
                int flags = r.Spikes.Length == 0 ? 0 : r.SpikeEncoding;
                if (r.RewardQ16 != 0) flags |= TelemetryFormat.FlagReward;
                if (r.Supervised) flags |= TelemetryFormat.FlagSupervision;
                if (r.Sensors != null) flags |= TelemetryFormat.FlagSensors;
                if (r.Outputs != null) flags |= TelemetryFormat.FlagOutputs;
                if (r.HasActivity) flags |= TelemetryFormat.FlagActivity;
                if (r.HasStateHash) flags |= TelemetryFormat.FlagStateHash;
                b.Add((byte)flags);
                int encoding = flags & 3;
                if (encoding == TelemetryFormat.SpikesBitmap)
                {
                    byte[] map = new byte[(t.InputSize + 7) / 8];
                    foreach (int i in r.Spikes) map[i / 8] |= (byte)(1 << (i % 8));
                    b.AddRange(map);
                }
                else if (encoding == TelemetryFormat.SpikesAscending)
                {
                    Varint(b, (ulong)r.Spikes.Length);
                    int previous = -1;
                    foreach (int i in r.Spikes) { Varint(b, (ulong)(i - previous - 1)); previous = i; }
                }
                else if (encoding == TelemetryFormat.SpikesInOrder)
                {
                    Varint(b, (ulong)r.Spikes.Length);
                    long previous = 0;
                    foreach (int i in r.Spikes) { ZigZag(b, i - previous); previous = i; }
                }
                if (r.RewardQ16 != 0) ZigZag(b, r.RewardQ16);
                if (r.Supervised)
                {
                    b.Add((byte)((r.TargetValid ? 1 : 0) | (r.TargetsQ16 != null ? 2 : 0)));
                    ZigZag(b, r.TargetClass);
                    if (r.TargetsQ16 != null) foreach (int v in r.TargetsQ16) ZigZag(b, v);
                }
                if (r.Sensors != null) Deltas(b, r.Sensors, sensors);
                if (r.Outputs != null) Deltas(b, r.Outputs, outputs);
                if (r.HasActivity) Varint(b, (ulong)r.Activity);
                if (r.HasStateHash)
                {
                    U32(b, r.StateHash);
                    if (r.ComponentHashes != null) foreach (uint c in r.ComponentHashes) U32(b, c);
                }
            }
            return b.ToArray();
        }

        private static void Deltas(List<byte> b, int[] values, int[] previous)
        {
            for (int k = 0; k < previous.Length; k++)
            {
                ZigZag(b, (long)values[k] - previous[k]);
                previous[k] = values[k];
            }
        }
    }

    /// <summary>Logs made by real runs, decoded back into frames.</summary>
    internal static class TestLogs
    {
        public static List<TelemetryFrame> Decode(byte[] log, out TelemetryDecoder decoder)
        {
            TelemetryReader reader = new TelemetryReader(new MemoryStream(log));
            List<TelemetryFrame> frames = new List<TelemetryFrame>();
            for (TelemetryFrame f = reader.Next(); f != null; f = reader.Next()) frames.Add(f);
            decoder = reader.Decoder;
            return frames;
        }

        public static List<TelemetryFrame> Decode(byte[] log)
        {
            return Decode(log, out _);
        }

        /// <summary>The built-in sensor scenario, recorded like 'nanosnn run --record'.</summary>
        public static MemorySink SensorRun(uint seed, int ticks, TelemetryOptions options, out Network network)
        {
            network = SensorNetwork.Build(seed);
            SensorScenario scenario = new SensorScenario(network, seed);
            options.SensorChannels = scenario.Samples.Length;
            options.OutputChannels = scenario.Readout.Size;
            MemorySink sink = new MemorySink();
            TelemetryWriter writer = new TelemetryWriter(network, options, sink);
            writer.Begin();
            int[] duties = new int[scenario.Readout.Size];
            for (int t = 0; t < ticks; t++)
            {
                scenario.Tick();
                scenario.DecodeDuties(duties);
                writer.RecordTick(scenario.Spikes, scenario.SpikeCount, 0, scenario.Samples, duties);
            }
            writer.Finish();
            return sink;
        }

        /// <summary>A network that learns from reward (R-STDP with a reward baseline, so even the reward's presence matters) on the sensor network.</summary>
        public static Network RewardNetwork(uint seed)
        {
            Network network = SensorNetwork.Build(seed);
            RewardStdpParameters p = new RewardStdpParameters { UpdateTicks = 5, BaselineShift = 3 };
            network.Attach(new RewardStdp(network.FindProjection("lif-lif"), p));
            network.Attach(new RewardStdp(network.FindProjection("in-alif"), p));
            return network;
        }

        /// <summary>Reward every 37 ticks (alternating sign and size), spikes from a fixed generator.</summary>
        public static MemorySink RewardRun(Network network, uint seed, int ticks, TelemetryOptions options)
        {
            MemorySink sink = new MemorySink();
            TelemetryWriter writer = new TelemetryWriter(network, options, sink);
            writer.Begin();
            Random random = new Random((int)seed);
            int[] spikes = new int[network.InputSize * 2];
            for (int t = 0; t < ticks; t++)
            {
                int n = 0;
                for (int i = 0; i < network.InputSize; i++) if (random.NextDouble() < 0.3) spikes[n++] = i;
                int reward = t % 37 == 36 ? ((t / 37) % 2 == 0 ? 40000 : -25000) : 0;
                if (reward != 0) network.Reward(reward);
                network.Step(spikes, n);
                writer.RecordTick(spikes, n, reward, null, null);
            }
            writer.Finish();
            return sink;
        }

        /// <summary>A small e-prop network (20 inputs, 30 LIF, 2 readouts) that learns from supervision.</summary>
        public static Network EpropNetwork(uint seed, out EpropRule rule)
        {
            NetworkBuilder b = new NetworkBuilder(1000, seed);
            InputPopulation input = b.AddInput("in", 20);
            LifParameters lp = new LifParameters { ThresholdQ16 = 65536, TauMembraneUs = 30000, Reset = ResetMode.Subtract, RefractoryTicks = 2 };
            LifPopulation rec = b.AddLif("rec", 30, lp);
            ReadoutPopulation readout = b.AddReadout("out", 2, 30000, 0);
            DenseProjection win = b.AddDense("in-rec", input, rec, 2);
            DenseProjection wrec = b.AddDense("rec-rec", rec, rec, 2);
            DenseProjection wout = b.AddDense("rec-out", rec, readout, 0);
            Network network = b.Build();
            XorShift32 init = new XorShift32(seed * 7919u + 3);
            win.InitializeGaussian(init, 60000);
            wrec.InitializeGaussian(init, 30000);
            wout.InitializeGaussian(init, 3000);
            EpropParameters p = new EpropParameters();
            rule = new EpropRule(network, rec, readout, win, wrec, wout, p);
            network.Attach(rule);
            return network;
        }

        /// <summary>Supervision on 3 of every 5 ticks (targets on 2 of them, one invalid), no reward.</summary>
        public static MemorySink SupervisedRun(Network network, uint seed, int ticks, TelemetryOptions options)
        {
            MemorySink sink = new MemorySink();
            options.TargetChannels = 2;
            TelemetryWriter writer = new TelemetryWriter(network, options, sink);
            writer.Begin();
            Random random = new Random((int)seed);
            int[] spikes = new int[network.InputSize];
            int[] targets = new int[2];
            for (int t = 0; t < ticks; t++)
            {
                int n = 0;
                for (int i = 0; i < network.InputSize; i++) if (random.NextDouble() < 0.08) spikes[n++] = i;
                targets[0] = (int)(30000 * Math.Sin(t / 40.0));
                targets[1] = -targets[0] / 2;
                int phase = t % 5;
                if (phase == 0 || phase == 1)
                {
                    network.Supervise(targets, t / 100 % 2, true);
                    network.Step(spikes, n);
                    writer.RecordSupervisedTick(spikes, n, 0, targets, t / 100 % 2, true, null, null);
                }
                else if (phase == 2)
                {
                    network.Supervise(null, -1, false);
                    network.Step(spikes, n);
                    writer.RecordSupervisedTick(spikes, n, 0, null, -1, false, null, null);
                }
                else
                {
                    network.Step(spikes, n);
                    writer.RecordTick(spikes, n, 0, null, null);
                }
            }
            writer.Finish();
            return sink;
        }
    }
}
