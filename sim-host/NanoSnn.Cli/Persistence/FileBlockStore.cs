using System;
using System.IO;

namespace NanoSnn.Cli.Persistence
{
    /// <summary>
    /// The host's <see cref="IBlockStore"/>: one file per region, named by
    /// <see cref="CheckpointStore.RegionFileName"/> ("checkpoint-a.bin", "checkpoint-b.bin"),
    /// the layout the device's store keeps on its internal flash, so that a store copied off
    /// a device can be inspected here. Files grow as they are written; bytes past a file's end
    /// read as 0xFF (erased), and erasing never grows a file. <see cref="Flush"/> asks the
    /// operating system to put the file on disk.
    /// </summary>
    public sealed class FileBlockStore : IBlockStore
    {
        private readonly string[] _paths;
        private readonly int _regionBytes;
        private readonly int _sectorBytes;

        /// <summary>A store of two regions in <paramref name="directory"/> (created if missing).</summary>
        public FileBlockStore(string directory, int regionBytes, int sectorBytes)
            : this(RegionPaths(directory), regionBytes, sectorBytes)
        {
            Directory.CreateDirectory(directory);
        }

        /// <summary>A store whose region r is the file <paramref name="paths"/>[r]; a null path is a region that reads as erased and cannot be written.</summary>
        public FileBlockStore(string[] paths, int regionBytes, int sectorBytes)
        {
            if (paths == null || paths.Length < 1) throw new ArgumentException("a file block store needs at least one region file");
            if (regionBytes < 1 || sectorBytes < 1 || regionBytes % sectorBytes != 0)
                throw new ArgumentException("regions of " + regionBytes + " bytes with " + sectorBytes + "-byte sectors: sizes must be positive and regions a whole number of sectors");
            _paths = (string[])paths.Clone();
            _regionBytes = regionBytes;
            _sectorBytes = sectorBytes;
        }

        /// <summary>
        /// Opens the region files in <paramref name="directory"/> for reading, sized to hold the
        /// largest of them. The payload offset comes from each slot's header, so the device's
        /// sector size need not be known.
        /// </summary>
        public static FileBlockStore OpenExisting(string directory)
        {
            return OpenFiles(RegionPaths(directory));
        }

        private static string[] RegionPaths(string directory)
        {
            return new[] { Path.Combine(directory, CheckpointStore.RegionFileName(0)), Path.Combine(directory, CheckpointStore.RegionFileName(1)) };
        }

        /// <summary>Opens the given region files (null or missing ones read as erased) for reading.</summary>
        public static FileBlockStore OpenFiles(string[] paths)
        {
            long largest = 0;
            foreach (string path in paths)
                if (path != null && File.Exists(path)) largest = Math.Max(largest, new FileInfo(path).Length);
            if (largest > int.MaxValue / 2) throw new IOException("a region file of " + largest + " bytes is larger than any checkpoint slot");
            // Room for the header sector the reader's geometry implies (1-byte sectors: the header alone).
            int regionBytes = (int)Math.Max(largest, CheckpointHeader.Bytes + 1);
            return new FileBlockStore(paths, regionBytes, 1);
        }

        /// <summary>The file of region <paramref name="region"/> (null if it has none).</summary>
        public string PathOf(int region)
        {
            BlockStoreArguments.CheckRegion(region, _paths.Length);
            return _paths[region];
        }

        /// <inheritdoc/>
        public int RegionCount => _paths.Length;

        /// <inheritdoc/>
        public int RegionBytes => _regionBytes;

        /// <inheritdoc/>
        public int SectorBytes => _sectorBytes;

        /// <inheritdoc/>
        public void Erase(int region, int sector)
        {
            BlockStoreArguments.CheckRegion(region, _paths.Length);
            BlockStoreArguments.CheckSector(sector, _regionBytes, _sectorBytes);
            string path = Writable(region);
            if (!File.Exists(path)) return;
            using FileStream file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            long start = (long)sector * _sectorBytes;
            if (start >= file.Length) return;
            int count = (int)Math.Min(_sectorBytes, file.Length - start);
            byte[] erased = new byte[count];
            erased.AsSpan().Fill(0xFF);
            file.Position = start;
            file.Write(erased, 0, count);
        }

        /// <inheritdoc/>
        public void Read(int region, int position, byte[] buffer, int offset, int count)
        {
            Check(region, position, buffer, offset, count);
            buffer.AsSpan(offset, count).Fill(0xFF);
            string path = _paths[region];
            if (path == null || !File.Exists(path)) return;
            using FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (position >= file.Length) return;
            file.Position = position;
            int wanted = (int)Math.Min(count, file.Length - position);
            file.ReadExactly(buffer, offset, wanted);
        }

        /// <inheritdoc/>
        public void Write(int region, int position, byte[] buffer, int offset, int count)
        {
            Check(region, position, buffer, offset, count);
            using FileStream file = new FileStream(Writable(region), FileMode.OpenOrCreate, FileAccess.ReadWrite);
            if (position > file.Length)
            {
                // The gap reads as erased, like the rest of an unwritten region.
                byte[] gap = new byte[position - file.Length];
                gap.AsSpan().Fill(0xFF);
                file.Position = file.Length;
                file.Write(gap, 0, gap.Length);
            }
            file.Position = position;
            file.Write(buffer, offset, count);
        }

        /// <inheritdoc/>
        public void Flush(int region)
        {
            BlockStoreArguments.CheckRegion(region, _paths.Length);
            string path = _paths[region];
            if (path == null || !File.Exists(path)) return;
            using FileStream file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            file.Flush(true);
        }

        private string Writable(int region)
        {
            string path = _paths[region];
            if (path == null) throw new IOException("region " + region + " has no file and cannot be written");
            return path;
        }

        private void Check(int region, int position, byte[] buffer, int offset, int count)
        {
            BlockStoreArguments.CheckRegion(region, _paths.Length);
            BlockStoreArguments.CheckSpan(position, buffer, offset, count, _regionBytes, "region");
        }
    }
}
