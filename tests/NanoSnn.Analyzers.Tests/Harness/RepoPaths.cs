using System;
using System.IO;

namespace NanoSnn.Analyzers.Tests.Harness
{
    /// <summary>Locates the repository from the test output directory.</summary>
    internal static class RepoPaths
    {
        private static readonly Lazy<string> LazyRoot = new Lazy<string>(FindRoot);

        /// <summary>The repository root (the folder holding build/NanoSubset/NanoSubset.targets).</summary>
        public static string Root => LazyRoot.Value;

        public static string NanoSubsetDirectory => Path.Combine(Root, "build", "NanoSubset");

        public static string BannedSymbolsFile => Path.Combine(NanoSubsetDirectory, "BannedSymbols.txt");

        public static string TargetsFile => Path.Combine(NanoSubsetDirectory, "NanoSubset.targets");

        private static string FindRoot()
        {
            for (DirectoryInfo dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "build", "NanoSubset", "NanoSubset.targets")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException(
                "no folder above " + AppContext.BaseDirectory + " holds build/NanoSubset/NanoSubset.targets");
        }
    }
}
