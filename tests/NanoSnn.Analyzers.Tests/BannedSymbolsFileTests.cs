using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Analyzers.Tests.Harness;

namespace NanoSnn.Analyzers.Tests
{
    /// <summary>Keeps build/NanoSubset/BannedSymbols.txt in step with the .NET API it bans.</summary>
    [TestClass]
    public sealed class BannedSymbolsFileTests
    {
        /// <summary>Methods banned overload by overload (the file format has no "all overloads").</summary>
        private static readonly string[] BannedMethodGroups =
        {
            "System.Array.Sort", "System.Array.Fill", "System.Array.Resize", "System.Array.Empty",
            "System.Buffer.BlockCopy", "System.String.Join",
        };

        [TestMethod]
        public void EveryEntryNamesAnExistingSymbolAndSaysWhatToUseInstead()
        {
            Compilation compilation = AnalyzerHarness.CreateCompilation(Array.Empty<SyntaxTree>());
            foreach (string line in Entries())
            {
                string[] parts = line.Split(';', 2);
                Assert.AreEqual(2, parts.Length, "entry without a description: " + line);
                Assert.IsTrue(parts[1].Length > 20, "entry with too short a description: " + line);
                Assert.AreNotEqual(0, DocumentationCommentId.GetSymbolsForDeclarationId(parts[0], compilation).Length, "no such symbol: " + parts[0]);
            }
        }

        [TestMethod]
        public void EveryPublicOverloadOfABannedMethodIsListed()
        {
            Compilation compilation = AnalyzerHarness.CreateCompilation(Array.Empty<SyntaxTree>());
            var listed = new HashSet<string>(Entries().Select(line => line.Split(';')[0]), StringComparer.Ordinal);
            var missing = new List<string>();
            foreach (string group in BannedMethodGroups)
            {
                int dot = group.LastIndexOf('.');
                INamedTypeSymbol type = compilation.GetTypeByMetadataName(group.Substring(0, dot));
                Assert.IsNotNull(type, group);
                IMethodSymbol[] overloads = type.GetMembers(group.Substring(dot + 1)).OfType<IMethodSymbol>()
                    .Where(m => m.DeclaredAccessibility == Accessibility.Public).ToArray();
                Assert.AreNotEqual(0, overloads.Length, group);
                missing.AddRange(overloads.Select(DeclarationId).Where(id => !listed.Contains(id)));
            }

            Assert.AreEqual(0, missing.Count, "add to BannedSymbols.txt:\n" + string.Join("\n", missing));
        }

        private static string DeclarationId(IMethodSymbol method)
        {
            // Roslyn may append the return type ("~System.String"); the file lists ids without it.
            string id = DocumentationCommentId.CreateDeclarationId(method);
            int returnType = id.IndexOf('~');
            return returnType < 0 ? id : id.Substring(0, returnType);
        }

        private static IEnumerable<string> Entries()
        {
            return File.ReadAllLines(RepoPaths.BannedSymbolsFile)
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal));
        }
    }
}
