using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoSnn.NanoSubset
{
    /// <summary>
    /// Fails the host build of code that must also run on nanoFramework 1.x when it uses a
    /// language feature that nanoFramework lacks (NANO001..NANO018). Loaded through
    /// NanoSubset.targets for projects that set &lt;NanoSubset&gt;true&lt;/NanoSubset&gt;.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NanoSubsetAnalyzer : DiagnosticAnalyzer
    {
        private const string AllowFloatingPointKey = "build_property." + NanoSubsetChecker.AllowFloatingPointProperty;

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => NanoSubsetRules.All;

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSemanticModelAction(AnalyzeTree);
        }

        private static void AnalyzeTree(SemanticModelAnalysisContext context)
        {
            bool allowFloatingPoint = AllowsFloatingPoint(context.Options.AnalyzerConfigOptionsProvider, context.SemanticModel.SyntaxTree);
            foreach (Diagnostic diagnostic in NanoSubsetChecker.Check(context.SemanticModel, allowFloatingPoint, context.CancellationToken))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        private static bool AllowsFloatingPoint(AnalyzerConfigOptionsProvider options, SyntaxTree tree)
        {
            string value;
            bool found = options.GetOptions(tree).TryGetValue(AllowFloatingPointKey, out value)
                || options.GlobalOptions.TryGetValue(AllowFloatingPointKey, out value);
            return found && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }
    }
}
