using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Analyzers.Tests.Harness;

namespace NanoSnn.Analyzers.Tests
{
    /// <summary>APIs banned through BannedSymbols.txt and the BannedApiAnalyzer (RS0030).</summary>
    [TestClass]
    public sealed class BannedApiTests
    {
        [TestMethod]
        [DataRow("int M(int x) { return Math.Abs(x); }", DisplayName = "Math.Abs")]
        [DataRow("int M(int a, int b) { return Math.Max(a, b); }", DisplayName = "Math.Max")]
        [DataRow("int M(int x) { return (int)MathF.Round(x); }", DisplayName = "MathF")]
        [DataRow("string M() { return new System.Text.StringBuilder().Append(1).ToString(); }", DisplayName = "StringBuilder")]
        [DataRow("void M(int[] a) { Array.Sort(a); }", DisplayName = "Array.Sort")]
        [DataRow("void M(int[] a) { Array.Fill(a, 1); }", DisplayName = "Array.Fill")]
        [DataRow("void M(int[] a) { Array.Resize(ref a, 4); }", DisplayName = "Array.Resize")]
        [DataRow("int[] M() { return Array.Empty<int>(); }", DisplayName = "Array.Empty")]
        [DataRow("void M(int[] a) { Array.Clear(a); }", DisplayName = "Array.Clear(array)")]
        [DataRow("void M(byte[] a, byte[] b) { Buffer.BlockCopy(a, 0, b, 0, 4); }", DisplayName = "Buffer.BlockCopy")]
        [DataRow("string M(string[] parts) { return string.Join(\",\", parts); }", DisplayName = "string.Join")]
        [DataRow("void M() { var table = new Hashtable(); table.Add(1, 2); }", DisplayName = "Hashtable")]
        public void ReportsBannedApi(string members)
        {
            Snippets.AssertReports("RS0030", members);
        }

        [TestMethod]
        public void ReportsMathThroughUsingStatic()
        {
            const string source = "using static System.Math;\nnamespace S { public class C { int M(int x) { return Abs(x); } } }";
            var diagnostics = AnalyzerHarness.Analyze(source);
            Assert.IsTrue(System.Linq.Enumerable.Any(diagnostics, d => d.Id == "RS0030"), AnalyzerHarness.Describe(diagnostics));
        }
    }
}
