using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Core
{
    /// <summary>
    /// The nanoFramework project system needs every shared source listed by name in the
    /// .projitems; a file missing there compiles on the host and breaks only the device build.
    /// </summary>
    [TestClass]
    public sealed class RepositoryTests
    {
        public static string RepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nanoSnn.sln"))) dir = dir.Parent;
            Assert.IsNotNull(dir, "repository root (nanoSnn.sln) not found above " + AppContext.BaseDirectory);
            return dir.FullName;
        }

        [TestMethod]
        [DataRow("shared/NanoSnn.Core/NanoSnn.Core.projitems")]
        [DataRow("tests/NanoSnn.PortableTests/NanoSnn.PortableTests.projitems")]
        public void SharedProjectListsExactlyTheSourcesInItsFolder(string projitems)
        {
            string path = Path.Combine(RepoRoot(), projitems);
            string folder = Path.GetDirectoryName(path);
            var listed = Regex.Matches(File.ReadAllText(path), "Compile Include=\"\\$\\(MSBuildThisFileDirectory\\)([^\"]+)\"")
                .Select(m => m.Groups[1].Value.Replace('\\', '/'))
                .OrderBy(x => x, StringComparer.Ordinal).ToArray();
            var present = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("bin/") && !f.StartsWith("obj/"))
                .OrderBy(x => x, StringComparer.Ordinal).ToArray();
            Assert.IsTrue(present.Length > 0, "no sources found in " + folder);
            CollectionAssert.AreEqual(present, listed, $"{projitems} must list exactly: {string.Join(", ", present)}");
        }
    }
}
