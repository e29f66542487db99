using System;
using System.Collections.Generic;

namespace NanoSnn.Cli.Telemetry
{
    /// <summary>
    /// Decodes frame payloads of telemetry format v2 (see <see cref="TelemetryFormat"/>).
    /// Every count is checked against the bytes left before anything is allocated, so a
    /// forged payload allocates at most a fixed multiple of its own length; anything that
    /// does not fit the format throws <see cref="TelemetryFormatException"/>.
    /// </summary>
    public static class TelemetryParser
    {
        /// <summary>Largest tick number accepted (2^62: no device reaches it, and sums of ticks and counts stay positive).</summary>
        public const long MaxTick = 1L << 62;

        /// <summary>Decodes the stream header payload.</summary>
        public static TelemetryStreamHeader ParseHeader(byte[] b, int offset, int length)
        {
            if (length != TelemetryFormat.StreamHeaderBytes)
                throw new TelemetryFormatException("stream header", 0, length + " bytes; a v" + TelemetryFormat.Version + " stream header has " + TelemetryFormat.StreamHeaderBytes);
            int p = offset;
            TelemetryStreamHeader h = new TelemetryStreamHeader
            {
                DtUs = LittleEndian.ReadInt32(b, p),
                Seed = (uint)LittleEndian.ReadInt32(b, p + 4),
                InputSize = LittleEndian.ReadInt32(b, p + 8),
                StartTick = LittleEndian.ReadInt64(b, p + 12),
                StartStateHash = (uint)LittleEndian.ReadInt32(b, p + 20),
                StructureHash = (uint)LittleEndian.ReadInt32(b, p + 24),
                HashIntervalTicks = LittleEndian.ReadUInt16(b, p + 28),
                TicksPerFrame = LittleEndian.ReadUInt16(b, p + 30),
                SensorChannels = b[p + 32],
                OutputChannels = b[p + 33],
                TargetChannels = b[p + 34],
                Options = b[p + 35],
                Populations = b[p + 36],
                Projections = b[p + 37],
                Rules = b[p + 38],
            };
            if (h.DtUs <= 0) throw new TelemetryFormatException("dt", 0, h.DtUs + " µs; must be positive");
            if (h.InputSize < 0) throw new TelemetryFormatException("input size", 8, h.InputSize + "; must be >= 0");
            if (h.StartTick < 0 || h.StartTick > MaxTick) throw new TelemetryFormatException("start tick", 12, h.StartTick + "; must be in 0..2^62");
            if (h.TicksPerFrame == 0) throw new TelemetryFormatException("ticks per frame", 30, "0; must be 1..65535");
            if ((h.Options & ~(TelemetryFormat.OptionComponentHashes | TelemetryFormat.OptionActivity)) != 0)
                throw new TelemetryFormatException("options", 35, "unknown bits 0x" + h.Options.ToString("X2"));
            if (b[p + 39] != 0) throw new TelemetryFormatException("reserved", 39, "must be 0");
            return h;
        }

        /// <summary>Decodes the end payload.</summary>
        public static TelemetryEnd ParseEnd(byte[] b, int offset, int length)
        {
            int at = offset, end = offset + length;
            TelemetryEnd e = new TelemetryEnd();
            e.TicksRecorded = Varint(b, ref at, end, offset, "ticks recorded", MaxTick);
            e.FinalTick = Varint(b, ref at, end, offset, "final tick", MaxTick);
            if (end - at != 4) throw new TelemetryFormatException("final state hash", at - offset, (end - at) + " bytes left; expected exactly 4");
            e.FinalStateHash = (uint)LittleEndian.ReadInt32(b, at);
            return e;
        }

        /// <summary>Decodes a ticks payload.</summary>
        public static TelemetryTicks ParseTicks(byte[] b, int offset, int length)
        {
            int at = offset, end = offset + length;
            TelemetryTicks t = new TelemetryTicks();
            t.FirstTick = Varint(b, ref at, end, offset, "first tick", MaxTick);
            t.InputSize = (int)Varint(b, ref at, end, offset, "input size", int.MaxValue);
            if (end - at < 3) throw new TelemetryFormatException("channel counts", at - offset, "payload ends");
            t.SensorChannels = b[at++];
            t.OutputChannels = b[at++];
            t.TargetChannels = b[at++];
            t.ComponentCount = (int)Varint(b, ref at, end, offset, "component count", 255 * 3 + 1);
            t.RulesEnabled = RulesEnabled(b, ref at, end, offset);
            int bitmapBytes = (int)((t.InputSize + 7L) / 8);
            List<TickRecord> records = new List<TickRecord>();
            int[] sensors = new int[t.SensorChannels];
            int[] outputs = new int[t.OutputChannels];
            while (at < end)
            {
                int start = at;
                string where = "record " + records.Count;
                if (t.FirstTick + records.Count < 0) throw new TelemetryFormatException(where, at - offset, "tick number overflows");
                TickRecord r = new TickRecord { Tick = t.FirstTick + records.Count, RulesEnabled = t.RulesEnabled };
                int flags = b[at++];
                r.SpikeEncoding = flags & TelemetryFormat.SpikeEncodingMask;
                r.Spikes = Spikes(b, ref at, end, offset, r.SpikeEncoding, t.InputSize, bitmapBytes, where);
                if ((flags & TelemetryFormat.FlagReward) != 0)
                {
                    r.RewardQ16 = SignedInt(b, ref at, end, offset, where + " reward");
                    if (r.RewardQ16 == 0) throw new TelemetryFormatException(where + " reward", at - offset, "a recorded reward is never 0 (0 means no reward and has no field)");
                }
                if ((flags & TelemetryFormat.FlagSupervision) != 0)
                {
                    if (at >= end) throw new TelemetryFormatException(where + " supervision", at - offset, "payload ends");
                    int s = b[at++];
                    if ((s & ~(TelemetryFormat.SupervisionValid | TelemetryFormat.SupervisionTargets)) != 0)
                        throw new TelemetryFormatException(where + " supervision", at - 1 - offset, "unknown bits 0x" + s.ToString("X2"));
                    r.Supervised = true;
                    r.TargetValid = (s & TelemetryFormat.SupervisionValid) != 0;
                    r.TargetClass = SignedInt(b, ref at, end, offset, where + " target class");
                    if ((s & TelemetryFormat.SupervisionTargets) != 0)
                    {
                        Need(t.TargetChannels, at, end, offset, where + " targets");
                        r.TargetsQ16 = new int[t.TargetChannels];
                        for (int k = 0; k < r.TargetsQ16.Length; k++) r.TargetsQ16[k] = SignedInt(b, ref at, end, offset, where + " target " + k);
                    }
                }
                if ((flags & TelemetryFormat.FlagSensors) != 0) r.Sensors = Deltas(b, ref at, end, offset, sensors, where + " sensors");
                if ((flags & TelemetryFormat.FlagOutputs) != 0) r.Outputs = Deltas(b, ref at, end, offset, outputs, where + " outputs");
                if ((flags & TelemetryFormat.FlagActivity) != 0)
                {
                    r.HasActivity = true;
                    r.Activity = (int)Varint(b, ref at, end, offset, where + " activity", int.MaxValue);
                }
                if ((flags & TelemetryFormat.FlagStateHash) != 0)
                {
                    if (end - at < 4 + 4L * t.ComponentCount)
                        throw new TelemetryFormatException(where + " state hash", at - offset, "payload ends before the hash and " + t.ComponentCount + " component hashes");
                    r.HasStateHash = true;
                    r.StateHash = (uint)LittleEndian.ReadInt32(b, at);
                    at += 4;
                    if (t.ComponentCount > 0)
                    {
                        r.ComponentHashes = new uint[t.ComponentCount];
                        for (int c = 0; c < t.ComponentCount; c++, at += 4) r.ComponentHashes[c] = (uint)LittleEndian.ReadInt32(b, at);
                    }
                }
                r.EncodedBytes = at - start;
                records.Add(r);
            }
            if (records.Count == 0) throw new TelemetryFormatException("records", at - offset, "a ticks frame holds at least one record");
            t.Records = records.ToArray();
            return t;
        }

        private static bool[] RulesEnabled(byte[] b, ref int at, int end, int offset)
        {
            if (at >= end) throw new TelemetryFormatException("rule count", at - offset, "payload ends");
            int rules = b[at++];
            int bytes = TelemetryFormat.EnabledBitmapBytes(rules);
            if (end - at < bytes) throw new TelemetryFormatException("enabled rules", at - offset, bytes + " bytes needed for " + rules + " rules, " + (end - at) + " left");
            bool[] enabled = new bool[rules];
            for (int r = 0; r < rules; r++) enabled[r] = (b[at + (r >> 3)] & (1 << (r & 7))) != 0;
            if (bytes > 0 && (b[at + bytes - 1] >> (rules - 8 * (bytes - 1))) != 0)
                throw new TelemetryFormatException("enabled rules", at + bytes - 1 - offset, "bits set beyond rule " + (rules - 1) + " (0x" + b[at + bytes - 1].ToString("X2") + ")");
            at += bytes;
            return enabled;
        }

        private static int[] Spikes(byte[] b, ref int at, int end, int offset, int encoding, int inputSize, int bitmapBytes, string where)
        {
            if (encoding == TelemetryFormat.SpikesNone) return Array.Empty<int>();
            if (encoding == TelemetryFormat.SpikesBitmap)
            {
                if (end - at < bitmapBytes) throw new TelemetryFormatException(where + " spike bitmap", at - offset, bitmapBytes + " bytes needed, " + (end - at) + " left");
                int n = 0;
                for (int i = 0; i < bitmapBytes; i++) n += System.Numerics.BitOperations.PopCount(b[at + i]);
                int[] list = new int[n];
                n = 0;
                for (int i = 0; i < bitmapBytes; i++)
                {
                    int v = b[at + i];
                    for (int bit = 0; bit < 8 && v != 0; bit++, v >>= 1)
                    {
                        if ((v & 1) == 0) continue;
                        int index = i * 8 + bit;
                        if (index >= inputSize) throw new TelemetryFormatException(where + " spike bitmap", at + i - offset, "bit for index " + index + " set; input size is " + inputSize);
                        list[n++] = index;
                    }
                }
                if (n == 0) throw new TelemetryFormatException(where + " spike bitmap", at - offset, "empty bitmap (a tick without spikes has encoding 0)");
                at += bitmapBytes;
                return list;
            }
            int count = (int)Varint(b, ref at, end, offset, where + " spike count", int.MaxValue);
            if (count == 0) throw new TelemetryFormatException(where + " spike count", at - offset, "0 (a tick without spikes has encoding 0)");
            if (count > inputSize) throw new TelemetryFormatException(where + " spike count", at - offset, count + " spikes exceed the " + inputSize + " input channels");
            Need(count, at, end, offset, where + " spikes");
            int[] spikes = new int[count];
            long previous = encoding == TelemetryFormat.SpikesAscending ? -1 : 0;
            for (int k = 0; k < count; k++)
            {
                int fieldAt = at - offset;
                long index = encoding == TelemetryFormat.SpikesAscending
                    ? previous + 1 + Varint(b, ref at, end, offset, where + " spike gap", int.MaxValue)
                    : previous + TelemetryFormat.UnZigZag(Varint(b, ref at, end, offset, where + " spike difference", long.MaxValue));
                if (index < 0 || index >= inputSize)
                    throw new TelemetryFormatException(where + " spike " + k, fieldAt, "index " + index + " is outside 0.." + (inputSize - 1));
                spikes[k] = (int)index;
                previous = index;
            }
            return spikes;
        }

        private static int[] Deltas(byte[] b, ref int at, int end, int offset, int[] previous, string where)
        {
            Need(previous.Length, at, end, offset, where);
            int[] values = new int[previous.Length];
            for (int k = 0; k < values.Length; k++)
            {
                int fieldAt = at - offset;
                long v = previous[k] + TelemetryFormat.UnZigZag(Varint(b, ref at, end, offset, where, long.MaxValue));
                if (v < int.MinValue || v > int.MaxValue) throw new TelemetryFormatException(where + " " + k, fieldAt, "value " + v + " does not fit 32 bits");
                values[k] = (int)v;
                previous[k] = (int)v;
            }
            return values;
        }

        private static void Need(long elements, int at, int end, int offset, string where)
        {
            if (elements > end - at) throw new TelemetryFormatException(where, at - offset, elements + " values cannot fit the " + (end - at) + " bytes left");
        }

        private static int SignedInt(byte[] b, ref int at, int end, int offset, string where)
        {
            int fieldAt = at - offset;
            long v = TelemetryFormat.UnZigZag(Varint(b, ref at, end, offset, where, long.MaxValue));
            if (v < int.MinValue || v > int.MaxValue) throw new TelemetryFormatException(where, fieldAt, "value " + v + " does not fit 32 bits");
            return (int)v;
        }

        /// <summary>Reads a varint at <paramref name="at"/> that must not exceed <paramref name="max"/> (a long.MaxValue bound still admits any 64-bit code).</summary>
        private static long Varint(byte[] b, ref int at, int end, int offset, string where, long max)
        {
            int start = at;
            ulong value = 0;
            for (int shift = 0; ; shift += 7)
            {
                if (at >= end) throw new TelemetryFormatException(where, start - offset, "payload ends inside a varint");
                if (shift > 63) throw new TelemetryFormatException(where, start - offset, "varint longer than 10 bytes");
                int x = b[at++];
                if (shift == 63 && (x & 0x7E) != 0) throw new TelemetryFormatException(where, start - offset, "varint exceeds 64 bits");
                value |= (ulong)(x & 0x7F) << shift;
                if ((x & 0x80) == 0) break;
            }
            if (max != long.MaxValue && value > (ulong)max)
                throw new TelemetryFormatException(where, start - offset, value + " exceeds " + max);
            return (long)value;
        }
    }
}
