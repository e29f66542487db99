using System;
using System.IO;

namespace NanoSnn.Firmware.Storage
{
    /// <summary>
    /// Models and checkpoints as files on the internal flash file system. Boot order:
    /// <c>ckpt.nsnn</c> (the last complete checkpoint), <c>ckpt.new</c> (a checkpoint whose final
    /// rename a power cut interrupted), <c>model.nsnn</c> (the model deployed with the firmware);
    /// the first that loads and validates wins. Every file is in model format v1 with its CRC, so
    /// a torn or corrupted file is rejected by <see cref="ModelReader"/> and the next one is tried.
    /// </summary>
    /// <remarks>
    /// A checkpoint is written to <c>ckpt.new</c>, then <c>ckpt.nsnn</c> is deleted and the new file
    /// renamed: a power cut at any point leaves one loadable file or falls back to the model. This
    /// is the firmware's interim store; the core's CheckpointStore (A/B slots over a block store)
    /// replaces it when it lands, with a FileBlockStore here under the same boot order.
    /// Reading a file allocates its size once at boot (nanoFramework's FileStream also copies
    /// through a temporary buffer): on a board without PSRAM, a model file close to the model
    /// budget may not load next to the network it builds.
    /// </remarks>
    public sealed class CheckpointFiles
    {
        /// <summary>Uses files under <paramref name="root"/> (e.g. "I:\").</summary>
        public CheckpointFiles(string root)
        {
            CheckpointPath = root + "ckpt.nsnn";
            PendingPath = root + "ckpt.new";
            ModelPath = root + "model.nsnn";
        }

        /// <summary>The last complete checkpoint.</summary>
        public readonly string CheckpointPath;

        /// <summary>A checkpoint being written (or whose rename was interrupted).</summary>
        public readonly string PendingPath;

        /// <summary>The model deployed with the firmware.</summary>
        public readonly string ModelPath;

        /// <summary>
        /// Loads the newest valid network in boot order; null when none loads. <paramref name="report"/>
        /// tells what was tried and why each file was rejected (for the boot log).
        /// </summary>
        public Network TryLoadNewest(out string source, out string report)
        {
            report = "";
            string error;
            Network network = TryLoad(CheckpointPath, out error);
            if (network != null) { source = CheckpointPath; return network; }
            report += CheckpointPath + ": " + error + "; ";
            network = TryLoad(PendingPath, out error);
            if (network != null) { source = PendingPath; return network; }
            report += PendingPath + ": " + error + "; ";
            network = TryLoad(ModelPath, out error);
            if (network != null) { source = ModelPath; return network; }
            report += ModelPath + ": " + error;
            source = null;
            return null;
        }

        /// <summary>Loads one file; null with the reason when it is missing or invalid.</summary>
        public static Network TryLoad(string path, out string error)
        {
            try
            {
                if (!File.Exists(path))
                {
                    error = "not present";
                    return null;
                }
                byte[] data;
                using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    long length = stream.Length;
                    if (length <= 0 || length > int.MaxValue)
                    {
                        error = "empty or too large (" + length + " bytes)";
                        return null;
                    }
                    data = new byte[(int)length];
                    int read = 0;
                    while (read < data.Length)
                    {
                        int n = stream.Read(data, read, data.Length - read);
                        if (n <= 0) break;
                        read += n;
                    }
                    if (read != data.Length)
                    {
                        error = "short read: " + read + " of " + data.Length + " bytes";
                        return null;
                    }
                }
                Network network = ModelReader.Load(data, 0, data.Length);
                error = null;
                return network;
            }
            catch (Exception e)
            {
                error = e.Message;
                return null;
            }
        }

        /// <summary>
        /// Writes <paramref name="data"/>[0..<paramref name="length"/>) as the new checkpoint
        /// (pending file, delete the old one, rename). Throws on a file-system error.
        /// </summary>
        public void Save(byte[] data, int length)
        {
            using (FileStream stream = new FileStream(PendingPath, FileMode.Create, FileAccess.Write))
            {
                stream.Write(data, 0, length);
                stream.Flush();
            }
            if (File.Exists(CheckpointPath)) File.Delete(CheckpointPath);
            File.Move(PendingPath, CheckpointPath);
        }
    }
}
