using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Analyzers.Tests.Harness;

namespace NanoSnn.Analyzers.Tests
{
    /// <summary>
    /// The firmware is built only by the nanoFramework tool chain (.nfproj), so no host build runs the
    /// guard on it: this test does. Its sources are compiled with the core's on the host; the
    /// nanoFramework types they use stay unresolved, the resulting compile errors are ignored and the
    /// analyzers skip unresolved types, so only real NANO/RS0030 findings in firmware files count.
    /// </summary>
    [TestClass]
    public sealed class FirmwareSourcesTests
    {
        /// <summary>
        /// The device has a float unit and the firmware never runs on the host, so floats at the board
        /// edge (sensor scaling) do not break host/device bit-exactness: only the core must be fixed-point.
        /// </summary>
        private const bool FirmwareMayUseFloatingPoint = true;

        [TestMethod]
        public void FirmwareSourcesUseOnlyTheNanoSubset()
        {
            string firmwareDirectory = Path.Combine(RepoPaths.Root, "firmware");
            string[] firmwareFiles = SourceFiles.Under(firmwareDirectory);
            Assert.IsTrue(firmwareFiles.Length >= 1, "no firmware source (*.cs) found under " + firmwareDirectory);

            string[] coreFiles = SourceFiles.Under(Path.Combine(RepoPaths.Root, "shared", "NanoSnn.Core"));
            CSharpParseOptions nano = AnalyzerHarness.ParseOptions.WithPreprocessorSymbols("NANOFRAMEWORK_1_0");
            IEnumerable<SyntaxTree> trees = firmwareFiles.Concat(coreFiles)
                .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), nano, path));
            Compilation compilation = AnalyzerHarness.CreateCompilation(trees);

            var firmware = new HashSet<string>(firmwareFiles);
            ImmutableArray<Diagnostic> findings = AnalyzerHarness.Analyze(compilation, FirmwareMayUseFloatingPoint)
                .Where(d => d.Location.SourceTree != null && firmware.Contains(d.Location.SourceTree.FilePath))
                .ToImmutableArray();

            Assert.AreEqual(0, findings.Length, "firmware uses what nanoFramework 1.x lacks:\n" + AnalyzerHarness.Describe(findings));
        }

        [TestMethod]
        public void FindsViolationsNextToUnresolvedNanoFrameworkTypes()
        {
            const string source = @"
using System.Device.Gpio;
using nanoFramework.Hardware.Esp32;
namespace Firmware
{
    public class Board
    {
        public void Run()
        {
            GpioController gpio = new GpioController();
            GpioPin led = gpio.OpenPin(2, PinMode.Output);
            var samples = new System.Collections.Generic.List<int>();
            int level = System.Math.Abs(-1);
        }
    }
}";
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source, AnalyzerHarness.ParseOptions.WithPreprocessorSymbols("NANOFRAMEWORK_1_0"), "Board.cs");
            Compilation compilation = AnalyzerHarness.CreateCompilation(new[] { tree });
            Assert.IsTrue(compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error), "nano types must be unresolved here");

            string[] ids = AnalyzerHarness.Analyze(compilation, FirmwareMayUseFloatingPoint).Select(d => d.Id).ToArray();

            CollectionAssert.AreEquivalent(new[] { "NANO003", "RS0030" }, ids, string.Join(", ", ids));
        }
    }
}
