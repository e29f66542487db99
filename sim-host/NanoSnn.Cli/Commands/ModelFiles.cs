using System.IO;

namespace NanoSnn.Cli.Commands
{
    /// <summary>Reading and writing model files, with failures turned into clear command failures.</summary>
    public static class ModelFiles
    {
        /// <summary>The file's bytes; a missing file or a directory is bad input (exit 2), an I/O error a failure (exit 1).</summary>
        public static byte[] Read(FileInfo file)
        {
            string path = file.ToString();
            if (Directory.Exists(file.FullName)) throw CommandFailure.Usage("'" + path + "' is a directory, not a model file");
            if (!file.Exists) throw CommandFailure.Usage("model file '" + path + "' not found");
            try
            {
                return File.ReadAllBytes(file.FullName);
            }
            catch (System.Exception e) when (e is IOException || e is System.UnauthorizedAccessException)
            {
                throw CommandFailure.Runtime("cannot read '" + path + "': " + e.Message, e);
            }
        }

        /// <summary>Loads a network; a malformed file is bad input (exit 2) with the reader's message (error, field, byte offset).</summary>
        public static Network Load(byte[] data, string path)
        {
            try
            {
                return ModelReader.Load(data);
            }
            catch (ModelFormatException e)
            {
                throw CommandFailure.Usage(path + ": " + e.Message, e);
            }
        }

        /// <summary>Writes <paramref name="network"/> (with its state when <paramref name="includeState"/>) to <paramref name="file"/>; returns the bytes written.</summary>
        public static int Save(Network network, bool includeState, FileInfo file)
        {
            byte[] buffer = new byte[ModelWriter.MeasureBytes(network, includeState)];
            int written = ModelWriter.Write(network, includeState, buffer, 0);
            try
            {
                File.WriteAllBytes(file.FullName, buffer);
            }
            catch (System.Exception e) when (e is IOException || e is System.UnauthorizedAccessException)
            {
                throw CommandFailure.Runtime("cannot write '" + file + "': " + e.Message, e);
            }
            return written;
        }
    }
}
