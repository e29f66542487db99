using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Analyzers.Tests.Harness;

namespace NanoSnn.Analyzers.Tests
{
    /// <summary>NANO018 and its switch, NanoSubsetAllowFloatingPoint (build_property).</summary>
    [TestClass]
    public sealed class FloatingPointTests
    {
        [TestMethod]
        [DataRow("double rate;", DisplayName = "double field")]
        [DataRow("void M() { float f = 2f; }", DisplayName = "float literal")]
        [DataRow("void M() { var d = 1.0; }", DisplayName = "double literal through var")]
        [DataRow("long M(TimeSpan t) { return (long)t.TotalMilliseconds; }", DisplayName = "double property converted")]
        [DataRow("long M() { return BitConverter.DoubleToInt64Bits(3); }", DisplayName = "implicit int to double")]
        [DataRow("object M(int x) { return (double)x; }", DisplayName = "explicit cast to double")]
        [DataRow("int M(int x) { return (int)(x * 0.5f); }", DisplayName = "float arithmetic in int code")]
        public void ReportsFloatingPoint(string members)
        {
            Snippets.AssertReports("NANO018", members);
        }

        [TestMethod]
        public void AllowsFloatingPointWhenTheOptionIsSet()
        {
            const string members = "double rate = 1.5; float M(int x) { var d = x * 0.5; return (float)d + 2f; }";
            string source = Snippets.InClass(members);

            ImmutableArray<Diagnostic> allowed = AnalyzerHarness.Analyze(source, allowFloatingPoint: true);
            ImmutableArray<Diagnostic> forbidden = AnalyzerHarness.Analyze(source, allowFloatingPoint: false);

            Assert.AreEqual(0, allowed.Length, AnalyzerHarness.Describe(allowed));
            Assert.IsTrue(forbidden.Length > 0 && forbidden.All(d => d.Id == "NANO018"), AnalyzerHarness.Describe(forbidden));
        }

        [TestMethod]
        public void StillReportsOtherRulesWhenFloatingPointIsAllowed()
        {
            Snippets.AssertReports("NANO003", "List<double> samples;", allowFloatingPoint: true);
        }

        [TestMethod]
        public void PortableTestWithMsTestAssertIsCleanWhenFloatsAreAllowed()
        {
            const string source = @"
using Microsoft.VisualStudio.TestTools.UnitTesting;
namespace PortableTests
{
    [TestClass]
    public class DecayTest
    {
        [TestMethod]
        public void Halves()
        {
            int q = 1 << 16;
            Assert.AreEqual(32768, q >> 1);
            Assert.AreEqual(1L << 40, (long)q << 24, ""long shift"");
            Assert.AreEqual(1, q >> 16, $""row {q}"");
            Assert.IsFalse(q < 0, $""negative {q}"");
            Assert.AreNotEqual(0, q);
            Assert.AreEqual(0.5, (q >> 1) / 65536.0, 1e-9);
            Assert.IsTrue(q > 0);
            Assert.IsNotNull(new object());
        }
    }
}";
            ImmutableArray<Diagnostic> diagnostics = AnalyzerHarness.Analyze(source, allowFloatingPoint: true);
            Assert.AreEqual(0, diagnostics.Length, AnalyzerHarness.Describe(diagnostics));
        }
    }
}
