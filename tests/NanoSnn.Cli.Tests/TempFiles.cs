using System;
using System.IO;

namespace NanoSnn.Cli.Tests
{
    /// <summary>A temporary directory removed on dispose.</summary>
    internal sealed class TempFiles : IDisposable
    {
        public readonly string Directory = Path.Combine(Path.GetTempPath(), "nanosnn-cli-tests-" + Guid.NewGuid().ToString("N"));

        public TempFiles()
        {
            System.IO.Directory.CreateDirectory(Directory);
        }

        public string PathOf(string name)
        {
            return Path.Combine(Directory, name);
        }

        public void Dispose()
        {
            try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { }
        }
    }
}
