using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Persistence
{
    /// <summary>The power failed: thrown by <see cref="FaultyBlockStore"/> to stop the writer where the power would have.</summary>
    internal sealed class PowerCutException : Exception
    {
        public PowerCutException(string where) : base("power cut " + where) { }
    }

    /// <summary>What the power cut leaves in the sector that was being erased or written.</summary>
    public enum TornSector
    {
        /// <summary>The bytes before the cut are new, the rest of the sector is as it was.</summary>
        Prefix,
        /// <summary>The whole sector reads 0xFF (an erase completed, the programming did not).</summary>
        Erased,
        /// <summary>The whole sector holds what it held before the save began (the previous checkpoint in that slot).</summary>
        Stale,
        /// <summary>The whole sector holds noise (an erase or a program cut half-way through).</summary>
        Garbage,
    }

    /// <summary>Which of the writes issued since the last flush reach the medium at a cut, when the store caches them.</summary>
    public enum LostWrites
    {
        /// <summary>None of them.</summary>
        All,
        /// <summary>Only the latest one (a cache that writes back in reverse order).</summary>
        AllButLatest,
        /// <summary>Every other one, starting with the latest.</summary>
        Alternate,
    }

    /// <summary>
    /// A block store that fails like flash does: after a budget of bytes (erased or written,
    /// counted one by one in the order issued; a flush counts as one) the power is cut, the sector in progress is left
    /// torn as <see cref="Torn"/> says, and <see cref="PowerCutException"/> is thrown. With
    /// <see cref="CacheWrites"/> the writes issued since the last flush sit in a cache, and a
    /// cut keeps only the subset <see cref="Lost"/> says, in any order. It also enforces the
    /// NOR discipline: a write may only program erased (0xFF) bytes.
    /// </summary>
    internal sealed class FaultyBlockStore : IBlockStore
    {
        private sealed class PendingWrite
        {
            public int Region, Position;
            public byte[] Bytes;
        }

        private readonly List<PendingWrite> _pending = new List<PendingWrite>();
        private long _budget = long.MaxValue;
        private byte[] _before;

        public FaultyBlockStore(int regionBytes, int sectorBytes)
        {
            Medium = new MemoryBlockStore(2, regionBytes, sectorBytes);
        }

        /// <summary>What survives a cut.</summary>
        public readonly MemoryBlockStore Medium;

        public TornSector Torn;
        public bool CacheWrites;
        public LostWrites Lost;

        /// <summary>Bytes erased or written since <see cref="Arm"/> (or construction); with <see cref="Flushes"/> the budget a whole save uses.</summary>
        public long BytesIssued;

        /// <summary>Flush calls since <see cref="Arm"/>.</summary>
        public int Flushes;

        /// <summary>Whether the last armed budget ran out (the cut happened).</summary>
        public bool CutHappened;

        public int RegionCount => 2;
        public int RegionBytes => Medium.RegionBytes;
        public int SectorBytes => Medium.SectorBytes;

        /// <summary>Cuts the power after <paramref name="budget"/> more bytes; long.MaxValue never cuts.</summary>
        public void Arm(long budget)
        {
            _before = (byte[])Medium.Bytes.Clone();
            _budget = budget;
            BytesIssued = 0;
            Flushes = 0;
            CutHappened = false;
            _pending.Clear();
        }

        /// <summary>Reboot: the power is back and nothing is cut any more.</summary>
        public void Disarm()
        {
            _budget = long.MaxValue;
            _pending.Clear();
        }

        public void Erase(int region, int sector)
        {
            int start = sector * SectorBytes;
            if (sector < 0 || start >= RegionBytes) throw new ArgumentException("sector " + sector);
            var ff = new byte[SectorBytes];
            Array.Fill(ff, (byte)0xFF);
            Issue(region, start, ff, 0, ff.Length, erase: true);
        }

        public void Read(int region, int position, byte[] buffer, int offset, int count)
        {
            Medium.Read(region, position, buffer, offset, count);
            if (!CacheWrites) return;
            // Reads see the cache (the device's file layer would).
            foreach (PendingWrite w in _pending)
            {
                if (w.Region != region) continue;
                for (int i = 0; i < w.Bytes.Length; i++)
                {
                    int p = w.Position + i;
                    if (p >= position && p < position + count) buffer[offset + p - position] = w.Bytes[i];
                }
            }
        }

        public void Write(int region, int position, byte[] buffer, int offset, int count)
        {
            if (!CacheWrites)
            {
                // NOR flash programs only erased bytes: a write over data would AND the bits.
                var current = new byte[count];
                Medium.Read(region, position, current, 0, count);
                for (int i = 0; i < count; i++)
                    Assert.AreEqual((byte)0xFF, current[i], "write to region " + region + " byte " + (position + i) + ", which was not erased");
            }
            Issue(region, position, buffer, offset, count, erase: false);
        }

        public void Flush(int region)
        {
            // A flush costs one unit of the budget, so a cut can fall between the last byte and the flush.
            if (_budget == 0) Cut(region, -1);
            if (_budget != long.MaxValue) _budget--;
            Flushes++;
            foreach (PendingWrite w in _pending) Medium.Write(w.Region, w.Position, w.Bytes, 0, w.Bytes.Length);
            _pending.Clear();
        }

        private void Issue(int region, int position, byte[] buffer, int offset, int count, bool erase)
        {
            if (region < 0 || region > 1) throw new ArgumentException("region " + region);
            if (position < 0 || count < 0 || position + count > RegionBytes) throw new ArgumentException("range");
            long allowed = Math.Min(count, _budget);
            if (CacheWrites)
            {
                var bytes = new byte[allowed];
                Array.Copy(buffer, offset, bytes, 0, (int)allowed);
                _pending.Add(new PendingWrite { Region = region, Position = position, Bytes = bytes });
            }
            else
            {
                Medium.Write(region, position, buffer, offset, (int)allowed);
            }
            BytesIssued += allowed;
            if (_budget != long.MaxValue) _budget -= allowed;
            if (allowed < count) Cut(region, position + (int)allowed);
        }

        private void Cut(int region, int position)
        {
            CutHappened = true;
            if (CacheWrites)
            {
                for (int k = 0; k < _pending.Count; k++)
                {
                    int fromLatest = _pending.Count - 1 - k;
                    bool keep = Lost == LostWrites.AllButLatest ? fromLatest == 0 : Lost == LostWrites.Alternate && fromLatest % 2 == 0;
                    PendingWrite w = _pending[k];
                    if (keep) Medium.Write(w.Region, w.Position, w.Bytes, 0, w.Bytes.Length);
                }
                _pending.Clear();
            }
            else if (position >= 0 && position < RegionBytes)
            {
                int sector = position / SectorBytes * SectorBytes;
                int at = region * RegionBytes + sector;
                byte[] m = Medium.Bytes;
                var noise = new XorShift32((uint)(at * 2654435761u + 1));
                for (int i = 0; i < SectorBytes; i++)
                {
                    switch (Torn)
                    {
                        case TornSector.Erased: m[at + i] = 0xFF; break;
                        case TornSector.Stale: m[at + i] = _before[at + i]; break;
                        case TornSector.Garbage: m[at + i] = (byte)noise.NextUInt(); break;
                    }
                }
            }
            _budget = 0;
            throw new PowerCutException("after " + BytesIssued + " bytes, at region " + region + (position < 0 ? " flush" : " byte " + position));
        }
    }
}
