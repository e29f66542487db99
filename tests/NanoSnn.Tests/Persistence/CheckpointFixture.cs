using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Tests.Format;

namespace NanoSnn.Tests.Persistence
{
    /// <summary>The network the checkpoint tests save, snapshots of it at successive ticks, and the checks on what a reboot loads.</summary>
    internal static class CheckpointFixture
    {
        /// <summary>Small sectors, so that a cut at every byte offset also lands in every part of every sector.</summary>
        public const int SectorBytes = 64;

        public const int RegionBytes = 64 * SectorBytes;

        /// <summary>The sample model of the format tests, driven so that its state is not at rest.</summary>
        public static Network Build()
        {
            return FormatTestModel.Build();
        }

        /// <summary>Checkpoint bytes of the sample network after 7, 14, 21... more ticks: each differs from the others.</summary>
        public static byte[][] Snapshots(int count)
        {
            Network net = Build();
            var rng = new XorShift32(5);
            var snapshots = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                FormatTestModel.Drive(net, rng, 7);
                snapshots[i] = FormatTestModel.Save(net, true);
                for (int j = 0; j < i; j++) Assert.IsFalse(snapshots[i].AsSpan().SequenceEqual(snapshots[j]), "snapshots must differ");
            }
            return snapshots;
        }

        public static int Capacity(byte[][] snapshots)
        {
            int max = 0;
            foreach (byte[] s in snapshots) max = Math.Max(max, s.Length);
            Assert.IsTrue(max + SectorBytes <= RegionBytes, "fixture model of " + max + " bytes does not fit the test regions");
            return max;
        }

        /// <summary>The checkpoint bytes of a loaded network (a loaded model re-writes to exactly the bytes it came from).</summary>
        public static byte[] BytesOf(Network network)
        {
            return FormatTestModel.Save(network, true);
        }

        public static bool Same(byte[] a, byte[] b)
        {
            return a != null && b != null && a.AsSpan().SequenceEqual(b);
        }

        /// <summary>Puts a complete checkpoint with <paramref name="sequence"/> into <paramref name="slot"/> of a memory medium, bypassing the writer.</summary>
        public static void Place(MemoryBlockStore medium, int slot, uint sequence, byte[] payload, int payloadOffset = SectorBytes)
        {
            int start = slot * medium.RegionBytes;
            for (int i = 0; i < medium.RegionBytes; i++) medium.Bytes[start + i] = 0xFF;
            Array.Copy(payload, 0, medium.Bytes, start + payloadOffset, payload.Length);
            CheckpointHeader.Write(medium.Bytes, start, sequence, payloadOffset, payload.Length, new Crc32C().Compute(payload, 0, payload.Length));
        }
    }
}
