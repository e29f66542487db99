using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Analyzers.Tests.Harness
{
    /// <summary>Wraps class members into a compilable file and checks what the guard reports.</summary>
    internal static class Snippets
    {
        /// <summary>Puts <paramref name="members"/> into a class with the usings a snippet may need.</summary>
        public static string InClass(string members)
        {
            return "using System;\n"
                + "using System.Collections;\n"
                + "using System.Collections.Generic;\n"
                + "using System.Linq;\n"
                + "namespace Snippets\n{\n"
                + "    public class C\n    {\n"
                + "        " + members + "\n"
                + "    }\n}\n";
        }

        /// <summary>Asserts that the guard reports <paramref name="expectedId"/> (as an error) for the members.</summary>
        public static ImmutableArray<Diagnostic> AssertReports(string expectedId, string members, bool allowFloatingPoint = false)
        {
            string source = InClass(members);
            ImmutableArray<Diagnostic> diagnostics = AnalyzerHarness.Analyze(source, allowFloatingPoint);
            Diagnostic match = diagnostics.FirstOrDefault(d => d.Id == expectedId);
            Assert.IsNotNull(match, "expected " + expectedId + " for:\n" + members + "\ngot:\n" + AnalyzerHarness.Describe(diagnostics));
            if (expectedId.StartsWith("NANO", System.StringComparison.Ordinal))
            {
                Assert.AreEqual(DiagnosticSeverity.Error, match.Severity, match.ToString());
            }

            return diagnostics;
        }
    }
}
