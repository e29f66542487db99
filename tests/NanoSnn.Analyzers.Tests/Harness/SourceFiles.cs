using System;
using System.IO;
using System.Linq;

namespace NanoSnn.Analyzers.Tests.Harness
{
    /// <summary>Finds the C# sources of a folder, leaving out build output.</summary>
    internal static class SourceFiles
    {
        public static string[] Under(string directory)
        {
            if (!Directory.Exists(directory))
            {
                return Array.Empty<string>();
            }

            return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(path => !IsBuildOutput(Path.GetRelativePath(directory, path)))
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToArray();
        }

        private static bool IsBuildOutput(string relativePath)
        {
            string[] parts = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            return parts.Any(part => part == "bin" || part == "obj");
        }
    }
}
