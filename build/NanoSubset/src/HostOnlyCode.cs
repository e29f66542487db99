using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NanoSnn.NanoSubset
{
    /// <summary>
    /// Finds the code that the host compiles but nanoFramework does not: the branches that
    /// "#if NANOFRAMEWORK_1_0" switches off on the device (shared/design/NANO-SUBSET.md). Such code
    /// never runs on nano, so it may use anything. Found by parsing the file again as nano would.
    /// </summary>
    internal static class HostOnlyCode
    {
        /// <summary>The symbol that nanoFramework projects define.</summary>
        public const string NanoSymbol = "NANOFRAMEWORK_1_0";

        public static ImmutableArray<TextSpan> Spans(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var options = tree.Options as CSharpParseOptions;
            SyntaxNode root = tree.GetRoot(cancellationToken);
            if (options == null || options.PreprocessorSymbolNames.Contains(NanoSymbol) || !MentionsNanoSymbol(root))
            {
                return ImmutableArray<TextSpan>.Empty;
            }

            IEnumerable<string> nanoSymbols = options.PreprocessorSymbolNames.Concat(new[] { NanoSymbol });
            SyntaxTree asOnNano = CSharpSyntaxTree.ParseText(
                tree.GetText(cancellationToken), options.WithPreprocessorSymbols(nanoSymbols), tree.FilePath, cancellationToken);
            return asOnNano.GetRoot(cancellationToken).DescendantTrivia()
                .Where(trivia => trivia.IsKind(SyntaxKind.DisabledTextTrivia))
                .Select(trivia => trivia.Span)
                .ToImmutableArray();
        }

        private static bool MentionsNanoSymbol(SyntaxNode root)
        {
            if (!root.ContainsDirectives)
            {
                return false;
            }

            return root.DescendantTrivia().Any(trivia => trivia.GetStructure() is ConditionalDirectiveTriviaSyntax conditional
                && conditional.Condition.ToString().Contains(NanoSymbol));
        }
    }
}
