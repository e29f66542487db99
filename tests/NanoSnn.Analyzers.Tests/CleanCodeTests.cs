using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Analyzers.Tests.Harness;

namespace NanoSnn.Analyzers.Tests
{
    /// <summary>Idiomatic integer core code must pass the guard untouched (no false positives).</summary>
    [TestClass]
    public sealed class CleanCodeTests
    {
        private const string IntegerCore = @"
using System;
using System.Collections;
using System.Diagnostics;
using System.Threading;

namespace NanoSnn.Sample
{
    /// <summary>Decays a membrane; see <see cref=""System.Collections.Generic.List{T}""/> for what not to use.</summary>
    public interface IStep
    {
        /// <summary>Advances one tick.</summary>
        void Step(int tick);

        int Count { get; }
    }

    [Flags]
    public enum Mode : byte { None = 0, Learn = 1, Trace = 2 }

    public delegate void SpikeHandler(int neuron);

    public sealed class LayerException : Exception
    {
        public LayerException(string message) : base(message) { }
    }

    public readonly struct Range16
    {
        public Range16(short min, short max) { Min = min; Max = max; }
        public short Min { get; }
        public short Max { get; }
    }

    public abstract class LayerBase : IStep, IDisposable
    {
        public abstract int Count { get; }
        public abstract void Step(int tick);
        public virtual void Dispose() { }
    }

    public sealed class Layer : LayerBase
    {
        private static readonly short[] DecayTable = { 32767, 16384, 8192 };
        private const int FractionBits = 16;
        private readonly int[] _membraneQ16;
        private readonly int[][] _rows;
        private readonly object _sync = new object();
        private long _totalSpikes;
        private int _counter;

        public event SpikeHandler Spiked;
        public event EventHandler Reset;

        public Layer(int count)
        {
            if (count <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, $""need at least one neuron, got {count}"");
            }

            _membraneQ16 = new int[count];
            _rows = new int[count][];
            for (int i = 0; i < count; i++) _rows[i] = new int[] { i, i + 1 };
        }

        public Mode Mode { get; set; } = Mode.Learn | Mode.Trace;

        public override int Count => _membraneQ16.Length;

        public int this[int index] => _membraneQ16[index];

        [Obsolete(""use Step"")]
        public void Tick() => Step(0);

        public override void Step(int tick)
        {
            uint mixed = (uint)tick * 2654435761u;
            for (int i = 0; i < _membraneQ16.Length; i++)
            {
                long product = (long)_membraneQ16[i] * DecayTable[tick % DecayTable.Length];
                int v = (int)(product >> 15) + (int)(mixed >> 28);
                v = v > (1 << FractionBits) ? 0 : v;
                _membraneQ16[i] = unchecked(v * 3) ^ ~v;
                if (v == 0)
                {
                    _totalSpikes++;
                    Spiked?.Invoke(i);
                }
            }

            foreach (int[] row in _rows)
            {
                Array.Clear(row, 0, row.Length);
            }

            lock (_sync)
            {
                Interlocked.Increment(ref _counter);
            }
        }

        public int Find(int[] values, int wanted)
        {
            int copy = values.Length;
            int[] buffer = new int[copy];
            Array.Copy(values, buffer, copy);
            return Array.IndexOf(buffer, wanted);
        }

        public string Describe(object o)
        {
            string kind = o switch
            {
                int n when n > 0 => ""positive"",
                string s => s.Substring(0, Math2.Min(3, s.Length)),
                null => ""null"",
                _ => o.ToString(),
            };
            Debug.WriteLine(""described"");
            Console.WriteLine(string.Format(""{0} {1} {2} {3}"", kind, _counter, _totalSpikes, Mode));
            return kind + "" "" + _totalSpikes.ToString(""X8"") + $"" {Count,4} spikes"";
        }

        public bool TryParse(string text, out int value)
        {
            if (int.TryParse(text, out value) && char.IsDigit(text[0]))
            {
                return true;
            }

            value = -1;
            return false;
        }

        public void Run(int period)
        {
            ThreadStart work = () => Step(period);
            Action<object> ignored = null;
            var thread = new Thread(work);
            var timer = new Timer(state => Step(0), null, 0, period);
            Reset?.Invoke(this, EventArgs.Empty);
            timer.Dispose();
            using (var layer = new Layer(1))
            {
                layer.Step(0);
            }
        }

        public static int Sum(params int[] values)
        {
            int total = 0;
            foreach (int value in values) total += value;
            try { return total / values.Length; }
            catch (Exception) when (values.Length == 0) { return 0; }
            finally { total = 0; }
        }

#if NANOFRAMEWORK_1_0
        private static System.Collections.Generic.List<double> NeverCompiledOnTheHost;
#endif
    }

    internal static class Math2
    {
        public static int Min(int a, int b) => a < b ? a : b;
        public static long Abs(long x) => x < 0 ? -x : x;
        public static ulong Rotate(ulong x, int n) => (x << n) | (x >> (64 - n));
        public static int SizeOfLong => sizeof(long);
        public static Type Kind => typeof(Layer);
    }
}";

        [TestMethod]
        public void IdiomaticIntegerCoreHasNoDiagnostics()
        {
            // The one generic use left in the sample (Action<object>) is the control: exactly it must be reported.
            ImmutableArray<Diagnostic> diagnostics = AnalyzerHarness.Analyze(IntegerCore);
            Assert.AreEqual(1, diagnostics.Length, AnalyzerHarness.Describe(diagnostics));
            Assert.AreEqual("NANO002", diagnostics[0].Id);
            StringAssert.Contains(diagnostics[0].GetMessage(), "Action<object>");

            string withoutControl = IntegerCore.Replace("Action<object> ignored = null;", "");
            ImmutableArray<Diagnostic> clean = AnalyzerHarness.Analyze(withoutControl);
            Assert.AreEqual(0, clean.Length, AnalyzerHarness.Describe(clean));
        }

        [TestMethod]
        [DataRow("void M(bool ok) { System.Diagnostics.Debug.Assert(ok, $\"failed {ok}\"); }", DisplayName = "Debug.Assert with interpolated message")]
        [DataRow("int[] M() { int[] a = [1, 2, 3]; return a; }", DisplayName = "collection expression into an array")]
        [DataRow("string M() { return nameof(System.Collections.Generic.List<int>.Count); }", DisplayName = "nameof of a generic member")]
        [DataRow("Type M() { return typeof(int[][]); }", DisplayName = "typeof jagged array")]
        [DataRow("void M(string s) { string[] parts = s.Split(','); int n = int.Parse(parts[0]); }", DisplayName = "string.Split and int.Parse")]
        [DataRow("long M(long a, int b) { return unchecked(a * b) >> 3; }", DisplayName = "unchecked long arithmetic")]
        [DataRow("int M(object o) { return o is string s && s.Length > 0 ? s[s.Length - 1] : -1; }", DisplayName = "pattern and last index")]
        public void IdiomaticConstructsHaveNoDiagnostics(string members)
        {
            ImmutableArray<Diagnostic> diagnostics = AnalyzerHarness.Analyze(Snippets.InClass(members));
            Assert.AreEqual(0, diagnostics.Length, AnalyzerHarness.Describe(diagnostics));
        }

        [TestMethod]
        public void PortableAssertionsOnMembersAndParenthesesAreAccepted()
        {
            // MSTest's Assert.IsTrue takes bool?; nanoFramework.TestFramework's takes bool.
            // Passing a field, a property or a parenthesized condition must not be reported
            // as a nullable conversion (a colleague had to work around exactly that).
            const string members = @"
                private sealed class Holder { public bool Flag; public bool Ready { get { return Flag; } } }
                public void Check()
                {
                    Holder h = new Holder();
                    Microsoft.VisualStudio.TestTools.UnitTesting.Assert.IsTrue(h.Flag);
                    Microsoft.VisualStudio.TestTools.UnitTesting.Assert.IsFalse(h.Ready);
                    Microsoft.VisualStudio.TestTools.UnitTesting.Assert.IsTrue((h.Flag));
                    Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(1, h.Flag ? 1 : 0);
                }";
            ImmutableArray<Diagnostic> diagnostics = AnalyzerHarness.Analyze(Snippets.InClass(members));
            Assert.AreEqual(0, diagnostics.Length, AnalyzerHarness.Describe(diagnostics));

            // The exemption is for the argument only: a bool? the code itself declares is still reported.
            ImmutableArray<Diagnostic> declared = AnalyzerHarness.Analyze(Snippets.InClass("public bool? Maybe;"));
            Assert.IsTrue(declared.Any(d => d.Id == "NANO006"), AnalyzerHarness.Describe(declared));
        }

        [TestMethod]
        public void HostOnlyBranchesMayUseAnything()
        {
            const string members = @"
        int Divide(int a, int b)
        {
            if (b == 0)
            {
#if NANOFRAMEWORK_1_0
                throw new Exception(""divide by zero"");
#else
                throw new DivideByZeroException();
#endif
            }
#if !NANOFRAMEWORK_1_0
            var trace = new List<int>();
#endif
            var kept = new List<int>();
            return a / b;
        }";
            ImmutableArray<Diagnostic> diagnostics = AnalyzerHarness.Analyze(Snippets.InClass(members));

            Assert.AreEqual(1, diagnostics.Length, AnalyzerHarness.Describe(diagnostics));
            Assert.AreEqual("NANO003", diagnostics[0].Id);
            Microsoft.CodeAnalysis.Text.SourceText text = diagnostics[0].Location.SourceTree.GetText();
            string line = text.Lines.GetLineFromPosition(diagnostics[0].Location.SourceSpan.Start).ToString();
            StringAssert.Contains(line, "var kept", "the report must be outside the host-only branches");
        }

        [TestMethod]
        public void MessageSaysWhatWhereAndWhatInstead()
        {
            ImmutableArray<Diagnostic> diagnostics = Snippets.AssertReports("NANO003", "void Step(int tick) { var spikes = new List<int>(); }");
            string message = diagnostics.First(d => d.Id == "NANO003").GetMessage();

            StringAssert.Contains(message, "'List<int>'");
            StringAssert.Contains(message, "C.Step(int)");
            StringAssert.Contains(message, "not available on nanoFramework 1.x");
            StringAssert.Contains(message, "use a primitive array");
        }

        [TestMethod]
        public void ReportsOncePerRuleAndStatement()
        {
            ImmutableArray<Diagnostic> diagnostics = Snippets.AssertReports(
                "NANO003", "void M() { System.Collections.Generic.List<int> a = new System.Collections.Generic.List<int>(); }");
            Assert.AreEqual(1, diagnostics.Count(d => d.Id == "NANO003"), AnalyzerHarness.Describe(diagnostics));
        }
    }
}
