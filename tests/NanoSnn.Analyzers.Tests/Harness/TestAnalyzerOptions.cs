using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace NanoSnn.Analyzers.Tests.Harness
{
    /// <summary>Analyzer options as MSBuild would pass them: build_property.* keys plus additional files.</summary>
    internal static class TestAnalyzerOptions
    {
        public static AnalyzerOptions Create(bool allowFloatingPoint)
        {
            var globals = new Dictionary<string, string>
            {
                ["build_property.NanoSubsetAllowFloatingPoint"] = allowFloatingPoint ? "true" : "false",
            };
            var additionalFiles = ImmutableArray.Create<AdditionalText>(new FileText(RepoPaths.BannedSymbolsFile));
            return new AnalyzerOptions(additionalFiles, new OptionsProvider(new Options(globals)));
        }

        private sealed class FileText : AdditionalText
        {
            public FileText(string path)
            {
                Path = path;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default)
            {
                return SourceText.From(File.ReadAllText(Path));
            }
        }

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private static readonly AnalyzerConfigOptions Empty = new Options(new Dictionary<string, string>());

            public OptionsProvider(AnalyzerConfigOptions globalOptions)
            {
                GlobalOptions = globalOptions;
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string value)
            {
                return _values.TryGetValue(key, out value);
            }
        }
    }
}
