using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Analyzers.Tests.Harness;

namespace NanoSnn.Analyzers.Tests
{
    /// <summary>Language features nanoFramework 1.x lacks: NANO006..NANO017 and NANO019.</summary>
    [TestClass]
    public sealed class LanguageFeatureTests
    {
        [TestMethod]
        [DataRow("NANO006", "int? maybe;", DisplayName = "NANO006 int?")]
        [DataRow("NANO006", "void M() { Nullable<int> x = 1; }", DisplayName = "NANO006 Nullable<int>")]
        [DataRow("NANO006", "int M(string s) { return s?.Length ?? 0; }", DisplayName = "NANO006 lifted conditional access")]
        [DataRow("NANO007", "(int, int) Pair() { return (1, 2); }", DisplayName = "NANO007 tuple type")]
        [DataRow("NANO007", "void M() { var t = (1, 2); }", DisplayName = "NANO007 tuple literal")]
        [DataRow("NANO007", "void M() { int a = 1, b = 2; (a, b) = (b, a); }", DisplayName = "NANO007 tuple swap")]
        [DataRow("NANO007", "void M() { var (x, y) = (1, 2); }", DisplayName = "NANO007 deconstruction")]
        [DataRow("NANO007", "void M() { var t = Tuple.Create(1, 2); }", DisplayName = "NANO007 System.Tuple")]
        [DataRow("NANO008", "record Point(int X, int Y);", DisplayName = "NANO008 record class")]
        [DataRow("NANO008", "record struct Cell(int Row);", DisplayName = "NANO008 record struct")]
        [DataRow("NANO009", "int Last(int[] a) { return a[^1]; }", DisplayName = "NANO009 index from end")]
        [DataRow("NANO009", "int[] Slice(int[] a) { return a[1..3]; }", DisplayName = "NANO009 range")]
        [DataRow("NANO009", "Index first;", DisplayName = "NANO009 System.Index")]
        [DataRow("NANO010", "IEnumerable Numbers() { yield return 1; }", DisplayName = "NANO010 yield return")]
        [DataRow("NANO010", "IEnumerable Nothing() { yield break; }", DisplayName = "NANO010 yield break")]
        [DataRow("NANO011", "void M() { dynamic d = 1; }", DisplayName = "NANO011 dynamic")]
        [DataRow("NANO012", "decimal price;", DisplayName = "NANO012 decimal type")]
        [DataRow("NANO012", "void M() { object o = 1.5m; }", DisplayName = "NANO012 decimal literal")]
        [DataRow("NANO013", "async void M() { await System.Threading.Tasks.Task.Yield(); }", DisplayName = "NANO013 async/await")]
        [DataRow("NANO013", "System.Threading.Tasks.Task Run() { return null; }", DisplayName = "NANO013 Task")]
        [DataRow("NANO014", "interface IShape { int Area() => 0; }", DisplayName = "NANO014 default interface method")]
        [DataRow("NANO014", "interface ISized { int Size { get { return 1; } } }", DisplayName = "NANO014 interface property body")]
        [DataRow("NANO015", "unsafe void M() { int x = 1; int* p = &x; }", DisplayName = "NANO015 pointer")]
        [DataRow("NANO015", "unsafe void M(int[] a) { fixed (int* p = a) { } }", DisplayName = "NANO015 fixed")]
        [DataRow("NANO015", "void M() { Span<int> s = stackalloc int[4]; }", DisplayName = "NANO015 stackalloc")]
        [DataRow("NANO016", "int[,] grid = new int[2, 3];", DisplayName = "NANO016 T[,] field")]
        [DataRow("NANO016", "void M() { var g = new int[2, 2]; }", DisplayName = "NANO016 T[,] local")]
        [DataRow("NANO017", "int M(int x) { return checked(x + 1); }", DisplayName = "NANO017 checked expression")]
        [DataRow("NANO017", "void M(int x) { checked { x++; } }", DisplayName = "NANO017 checked statement")]
        [DataRow("NANO019", "void M() { try { } catch (DivideByZeroException) { } }", DisplayName = "NANO019 catch DivideByZeroException")]
        [DataRow("NANO019", "void M() { throw new OverflowException(); }", DisplayName = "NANO019 throw OverflowException")]
        public void ReportsLanguageFeature(string expectedId, string members)
        {
            Snippets.AssertReports(expectedId, members);
        }
    }
}
