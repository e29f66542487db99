using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Analyzers.Tests.Harness;

namespace NanoSnn.Analyzers.Tests
{
    /// <summary>Generics, System.Collections.Generic, LINQ, Span/Memory: NANO001..NANO005.</summary>
    [TestClass]
    public sealed class GenericsTests
    {
        [TestMethod]
        [DataRow("NANO001", "class Ring<T> { T[] items; }", DisplayName = "NANO001 generic class")]
        [DataRow("NANO001", "static T Pick<T>(T a) { return a; }", DisplayName = "NANO001 generic method")]
        [DataRow("NANO001", "delegate T Producer<T>();", DisplayName = "NANO001 generic delegate")]
        [DataRow("NANO001", "void M() { int Twice<T>(T x) { return 2; } }", DisplayName = "NANO001 generic local function")]
        [DataRow("NANO002", "void M() { Func<int, int> f = x => x + 1; }", DisplayName = "NANO002 generic delegate type")]
        [DataRow("NANO002", "void M() { IComparable<int> c = 1; }", DisplayName = "NANO002 generic interface")]
        [DataRow("NANO002", "void M() { object o = Activator.CreateInstance<object>(); }", DisplayName = "NANO002 explicit type argument")]
        [DataRow("NANO002", "int M(int[] a) { return Array.Find(a, x => x > 1); }", DisplayName = "NANO002 inferred generic method")]
        [DataRow("NANO002", "static void Swap<T>(ref T a, ref T b) { } void M() { int x = 1, y = 2; Swap(ref x, ref y); }", DisplayName = "NANO002 own generic method called")]
        [DataRow("NANO002", "void M() { var p = new { X = 1 }; }", DisplayName = "NANO002 anonymous type")]
        [DataRow("NANO003", "void M() { var l = new List<int>(); l.Add(1); }", DisplayName = "NANO003 List")]
        [DataRow("NANO003", "Dictionary<int, int> map;", DisplayName = "NANO003 Dictionary field")]
        [DataRow("NANO003", "void M(IEnumerable<int> items) { }", DisplayName = "NANO003 IEnumerable<T> parameter")]
        [DataRow("NANO003", "void M() { var l = new System.Collections.Generic.List<int>(); }", DisplayName = "NANO003 fully qualified")]
        [DataRow("NANO004", "int M(int[] a) { return a.Sum(); }", DisplayName = "NANO004 extension method")]
        [DataRow("NANO004", "int M(int[] a) { return Enumerable.Count(a); }", DisplayName = "NANO004 static call")]
        [DataRow("NANO004", "void M(int[] a) { var q = from x in a where x > 1 select x; }", DisplayName = "NANO004 query expression")]
        [DataRow("NANO005", "void M(int[] a) { Span<int> s = a; }", DisplayName = "NANO005 Span")]
        [DataRow("NANO005", "void M(ReadOnlySpan<byte> b) { }", DisplayName = "NANO005 ReadOnlySpan")]
        [DataRow("NANO005", "Memory<int> m;", DisplayName = "NANO005 Memory")]
        [DataRow("NANO005", "ReadOnlyMemory<int> m;", DisplayName = "NANO005 ReadOnlyMemory")]
        [DataRow("NANO005", "int M(string s) { return s.AsSpan().Length; }", DisplayName = "NANO005 AsSpan")]
        public void ReportsGenericsAndTheirLibraries(string expectedId, string members)
        {
            Snippets.AssertReports(expectedId, members);
        }
    }
}
