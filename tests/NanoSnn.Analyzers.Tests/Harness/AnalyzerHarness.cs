using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.NanoSubset;

namespace NanoSnn.Analyzers.Tests.Harness
{
    /// <summary>
    /// Compiles C# in memory against the running .NET's assemblies and runs the guard on it:
    /// NanoSubsetAnalyzer plus the BannedApiAnalyzer reading the real BannedSymbols.txt.
    /// </summary>
    internal static class AnalyzerHarness
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences =
            new Lazy<ImmutableArray<MetadataReference>>(LoadReferences);

        private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> LazyBannedApiAnalyzers =
            new Lazy<ImmutableArray<DiagnosticAnalyzer>>(LoadBannedApiAnalyzers);

        public static CSharpParseOptions ParseOptions { get; } =
            new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

        public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

        /// <summary>The BannedApiAnalyzer(s) from the Microsoft.CodeAnalysis.BannedApiAnalyzers package.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> BannedApiAnalyzers => LazyBannedApiAnalyzers.Value;

        /// <summary>Compiles one source file; fails the test if it does not compile.</summary>
        public static CSharpCompilation Compile(string source)
        {
            CSharpCompilation compilation = CreateCompilation(new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, "Snippet.cs") });
            Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.AreEqual(0, errors.Length, "the snippet must compile:\n" + string.Join("\n", errors.Select(e => e.ToString())) + "\n" + source);
            return compilation;
        }

        public static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees)
        {
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Disable);
            return CSharpCompilation.Create("NanoSubsetSnippet", trees, References, options);
        }

        /// <summary>The guard's diagnostics (NANO* and RS0030) for a snippet that must compile.</summary>
        public static ImmutableArray<Diagnostic> Analyze(string source, bool allowFloatingPoint = false)
        {
            return Analyze(Compile(source), allowFloatingPoint);
        }

        public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, bool allowFloatingPoint)
        {
            ImmutableArray<DiagnosticAnalyzer> analyzers = BannedApiAnalyzers.Add(new NanoSubsetAnalyzer());
            var withAnalyzers = compilation.WithAnalyzers(analyzers, TestAnalyzerOptions.Create(allowFloatingPoint));
            ImmutableArray<Diagnostic> diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            return diagnostics.Where(d => d.Id.StartsWith("NANO", StringComparison.Ordinal) || d.Id.StartsWith("RS", StringComparison.Ordinal))
                .OrderBy(d => d.Location.SourceSpan.Start)
                .ToImmutableArray();
        }

        public static string Describe(IEnumerable<Diagnostic> diagnostics)
        {
            string text = string.Join("\n", diagnostics.Select(d => d.ToString()));
            return text.Length == 0 ? "(no diagnostics)" : text;
        }

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            // The trusted platform assemblies of this test process: the .NET runtime plus the test's
            // own dependencies. Keep the runtime and MSTest (portable tests use its Assert).
            string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
            string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator);
            return trusted
                .Where(path => path.StartsWith(runtimeDirectory, StringComparison.Ordinal))
                .Append(typeof(Assert).Assembly.Location)
                .Distinct()
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }

        private static ImmutableArray<DiagnosticAnalyzer> LoadBannedApiAnalyzers()
        {
            string directory = Path.Combine(AppContext.BaseDirectory, "BannedApiAnalyzers");
            var loader = new LoadFromLoader();
            var failures = new List<string>();
            var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
            foreach (string path in Directory.GetFiles(directory, "*.dll"))
            {
                var reference = new AnalyzerFileReference(path, loader);
                reference.AnalyzerLoadFailed += (sender, e) => failures.Add(path + ": " + e.ErrorCode + " " + e.TypeName + " " + e.Message + " " + e.ReferencedCompilerVersion + " " + e.Exception);
                analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
            }

            Assert.IsTrue(
                analyzers.Any(a => a.SupportedDiagnostics.Any(d => d.Id == "RS0030")),
                "the BannedApiAnalyzer (RS0030) was not found in " + directory + "\n" + string.Join("\n", failures));
            return analyzers.ToImmutable();
        }

        private sealed class LoadFromLoader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }
}
