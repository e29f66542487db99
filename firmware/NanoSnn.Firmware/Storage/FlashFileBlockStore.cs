using System;
using System.IO;

namespace NanoSnn.Firmware.Storage
{
    /// <summary>
    /// The device's <see cref="IBlockStore"/>: two regions (checkpoint slots A and B), each one
    /// file on the internal flash file system, named by <see cref="CheckpointStore.RegionFileName"/>
    /// (<c>I:\checkpoint-a.bin</c>, <c>I:\checkpoint-b.bin</c>): the layout <c>nanosnn inspect DIR</c>
    /// reads from a copy of them. All checkpoint logic is in the core's <see cref="CheckpointStore"/>;
    /// this class only maps the block-store calls onto files.
    /// </summary>
    /// <remarks>
    /// <para><b>The contract and how it is kept.</b> Bytes past a file's end read as 0xFF
    /// (erased); <see cref="Erase"/> overwrites a sector with 0xFF and never grows a file;
    /// <see cref="Presize"/> grows both files, with 0xFF, to the slot size the firmware computed
    /// from the model (<see cref="CheckpointStore.SlotBytesFor"/>), so that every later write
    /// lands inside an existing file; <see cref="Flush"/> closes the file, which is the call
    /// that commits it (below). <see cref="RegionBytes"/> is the most a slot may grow to (half
    /// the board's checkpoint flash budget); the files are only as long as the model needs.</para>
    /// <para><b>What the nanoFramework file system does, and what this relies on</b> (from the
    /// sources of nanoframework/System.IO.FileSystem and nf-interpreter; none of it has been
    /// observed on a chip):</para>
    /// <list type="bullet">
    /// <item>On ESP32 targets <c>I:\</c> is littlefs on the "config" partition (256 KB with the
    /// 4 MB partition table, 2 MB with the 8 MB one), through ESP-IDF's VFS and stdio. (Some
    /// ESP32-S3 partition tables in the nf-interpreter history declare it SPIFFS, which does not
    /// commit files atomically; on such an image none of this has been thought through.)
    /// littlefs is copy-on-write: a file's new contents become visible to the next mount only
    /// when the file is synced or closed, and a power cut before that leaves the file as it was
    /// at its last commit. That is one of the outcomes <see cref="IBlockStore"/> allows for a cut
    /// ("holding their previous content"), so the A/B protocol holds.</item>
    /// <item><c>FileStream.Flush</c> maps to the driver's <c>fflush</c>, which hands the stdio
    /// buffer to littlefs but does not sync the file (esp_littlefs syncs on every write only when
    /// built with <c>CONFIG_LITTLEFS_FLUSH_FILE_EVERY_WRITE</c>, which we could not find in
    /// nanoFramework's ESP32 configuration). Closing does sync (<c>lfs_file_close</c>). So
    /// <see cref="Flush"/> closes the file, and the next call reopens it: when it returns, the
    /// writes are committed.</item>
    /// <item>The handle is opened for update ("r+"): ANSI C needs a positioning call between a
    /// read and a write on such a stream (nanoframework/Home#1845), so every read and write here
    /// sets <c>Position</c> first.</item>
    /// <item>Older FileStream versions refuse a <c>Position</c> past the end of the file (hence
    /// the pre-sized files), and on ESP32 some opened the file in append mode for every write,
    /// so a write at a position landed at the end (nanoframework/Home#1287). Should that happen,
    /// <see cref="CheckpointStore"/>'s read-back catches it: the save is reported failed and the
    /// previous checkpoint stays live.</item>
    /// <item>nanoCLR runs every managed thread on one RTOS task, and a native call (each
    /// <c>FileStream</c> read or write) holds all of them until it returns, the tick thread
    /// included (nanoframework/Home docs/architecture/thread-execution.md). Moving the writes to a
    /// background thread therefore bounds, but does not remove, their effect on the tick: every
    /// call here moves at most <see cref="FillBytes"/> bytes, so a stall is one small flash
    /// program, except when littlefs erases a block or commits metadata inside that call (tens of
    /// milliseconds). Those show up as late ticks in the status line.</item>
    /// </list>
    /// <para>Used by one thread at a time: the main thread at boot, then only the checkpoint writer
    /// thread. After construction it allocates only what the file system does (opening a file
    /// allocates a stream; older FileStream versions also allocate a copy of every buffer).</para>
    /// </remarks>
    public sealed class FlashFileBlockStore : IBlockStore
    {
        /// <summary>Erase unit of the ESP32's SPI NOR flash and block size of its littlefs.</summary>
        public const int FlashSectorBytes = 4096;

        /// <summary>
        /// Most bytes one file-system call moves, and the size of the 0xFF buffer that erases
        /// and pre-sizes: it bounds how long one native call holds the CLR. <c>nanosnn fit</c>
        /// counts this buffer.
        /// </summary>
        public const int FillBytes = 256;

        private const int Regions = 2;

        private readonly string[] _paths = new string[Regions];
        private readonly FileStream[] _open = new FileStream[Regions];
        private readonly int[] _lengths = new int[Regions];
        private readonly byte[] _fill = new byte[FillBytes];
        private readonly int _regionBytes;
        private readonly int _sectorBytes;

        /// <summary>
        /// Uses <c>checkpoint-a.bin</c> and <c>checkpoint-b.bin</c> under <paramref name="root"/>
        /// (a path ending in a separator, e.g. "I:\"), with slots of at most
        /// <paramref name="regionBytes"/> in <paramref name="sectorBytes"/>-byte sectors. Reads the
        /// lengths of the files that exist; creates and changes nothing.
        /// </summary>
        /// <exception cref="ArgumentException">A size is not positive, or the region is not a whole number of sectors.</exception>
        public FlashFileBlockStore(string root, int regionBytes, int sectorBytes)
        {
            if (root == null) throw new ArgumentNullException("root");
            if (regionBytes < 1 || sectorBytes < 1 || regionBytes % sectorBytes != 0)
                throw new ArgumentException("flash block store: slots of " + regionBytes + " bytes with " + sectorBytes
                    + "-byte sectors; sizes must be positive and slots a whole number of sectors");
            _regionBytes = regionBytes;
            _sectorBytes = sectorBytes;
            for (int i = 0; i < FillBytes; i++) _fill[i] = 0xFF;
            for (int r = 0; r < Regions; r++)
            {
                _paths[r] = root + CheckpointStore.RegionFileName(r);
                if (!File.Exists(_paths[r])) continue;
                using (FileStream file = new FileStream(_paths[r], FileMode.Open, FileAccess.Read))
                {
                    long length = file.Length;
                    _lengths[r] = length > regionBytes ? regionBytes : (int)length;
                }
            }
        }

        /// <inheritdoc/>
        public int RegionCount { get { return Regions; } }

        /// <inheritdoc/>
        public int RegionBytes { get { return _regionBytes; } }

        /// <inheritdoc/>
        public int SectorBytes { get { return _sectorBytes; } }

        /// <summary>The file of region <paramref name="region"/>.</summary>
        public string PathOf(int region)
        {
            BlockStoreArguments.CheckRegion(region, Regions);
            return _paths[region];
        }

        /// <summary>Bytes of region <paramref name="region"/>'s file (0 when it does not exist; at most <see cref="RegionBytes"/> count).</summary>
        public int FileBytes(int region)
        {
            BlockStoreArguments.CheckRegion(region, Regions);
            return _lengths[region];
        }

        /// <summary>
        /// Grows both files (creating them if needed) to <paramref name="fileBytes"/>, the new
        /// bytes erased (0xFF), and commits them; never shrinks a file, so a checkpoint already
        /// there stays intact. Boot: claims the flash before the first save needs it, so a full
        /// file system shows at boot rather than half-way through a checkpoint.
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="fileBytes"/> exceeds <see cref="RegionBytes"/>.</exception>
        public void Presize(int fileBytes)
        {
            if (fileBytes < 0 || fileBytes > _regionBytes)
                throw new ArgumentException("slot files of " + fileBytes + " bytes: at most " + _regionBytes + " bytes each (half the checkpoint flash budget)");
            for (int r = 0; r < Regions; r++)
            {
                if (_lengths[r] >= fileBytes) continue;
                FileStream file = Stream(r);
                try
                {
                    FillErased(file, _lengths[r], fileBytes);
                }
                catch
                {
                    Drop(r);
                    throw;
                }
                _lengths[r] = fileBytes;
                Flush(r);
            }
        }

        /// <inheritdoc/>
        public void Erase(int region, int sector)
        {
            BlockStoreArguments.CheckRegion(region, Regions);
            BlockStoreArguments.CheckSector(sector, _regionBytes, _sectorBytes);
            int start = sector * _sectorBytes;
            int end = start + _sectorBytes;
            if (end > _lengths[region]) end = _lengths[region];
            if (start >= end) return; // past the end of the file: reads as erased already
            FileStream file = Stream(region);
            try
            {
                FillErased(file, start, end);
            }
            catch
            {
                Drop(region);
                throw;
            }
        }

        /// <inheritdoc/>
        public void Read(int region, int position, byte[] buffer, int offset, int count)
        {
            Check(region, position, buffer, offset, count);
            int inFile = _lengths[region] - position;
            if (inFile > count) inFile = count;
            if (inFile < 0) inFile = 0;
            if (inFile > 0)
            {
                FileStream file = Stream(region);
                try
                {
                    file.Position = position;
                    int done = 0;
                    while (done < inFile)
                    {
                        int n = inFile - done < FillBytes ? inFile - done : FillBytes;
                        int read = file.Read(buffer, offset + done, n);
                        if (read <= 0)
                            throw new IOException(_paths[region] + ": read " + (position + done) + " of " + _lengths[region] + " bytes, then the file ended");
                        done += read;
                    }
                }
                catch
                {
                    Drop(region);
                    throw;
                }
            }
            for (int i = inFile; i < count; i++) buffer[offset + i] = 0xFF;
        }

        /// <inheritdoc/>
        public void Write(int region, int position, byte[] buffer, int offset, int count)
        {
            Check(region, position, buffer, offset, count);
            FileStream file = Stream(region);
            try
            {
                // A gap before the write reads as erased (only if the files were not pre-sized).
                if (position > _lengths[region]) FillErased(file, _lengths[region], position);
                file.Position = position;
                int done = 0;
                while (done < count)
                {
                    int n = count - done < FillBytes ? count - done : FillBytes;
                    file.Write(buffer, offset + done, n);
                    done += n;
                }
            }
            catch
            {
                Drop(region);
                throw;
            }
            if (position + count > _lengths[region]) _lengths[region] = position + count;
        }

        /// <inheritdoc/>
        /// <remarks>Closes the file: closing is what makes littlefs commit it (see the class remarks).</remarks>
        public void Flush(int region)
        {
            BlockStoreArguments.CheckRegion(region, Regions);
            FileStream file = _open[region];
            if (file == null) return;
            _open[region] = null;
            try
            {
                file.Flush();
            }
            finally
            {
                file.Close();
            }
        }

        // The open stream of a region, opened for update on first use after a flush.
        private FileStream Stream(int region)
        {
            FileStream file = _open[region];
            if (file == null)
            {
                file = new FileStream(_paths[region], FileMode.OpenOrCreate, FileAccess.ReadWrite);
                _open[region] = file;
            }
            return file;
        }

        // After a failed call the stream's state is unknown: close it, so the next call reopens.
        private void Drop(int region)
        {
            FileStream file = _open[region];
            _open[region] = null;
            if (file == null) return;
            try
            {
                file.Close();
            }
            catch (Exception)
            {
                // Already failing; the original exception is the one to report.
            }
        }

        // Writes 0xFF over [from, to) of the file, FillBytes per call.
        private void FillErased(FileStream file, int from, int to)
        {
            file.Position = from;
            while (from < to)
            {
                int n = to - from < FillBytes ? to - from : FillBytes;
                file.Write(_fill, 0, n);
                from += n;
            }
        }

        private void Check(int region, int position, byte[] buffer, int offset, int count)
        {
            BlockStoreArguments.CheckRegion(region, Regions);
            BlockStoreArguments.CheckSpan(position, buffer, offset, count, _regionBytes, "slot");
        }
    }
}
