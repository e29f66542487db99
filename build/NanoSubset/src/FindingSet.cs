using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NanoSnn.NanoSubset
{
    /// <summary>
    /// Collects findings and reports, for each rule and statement (or member), only the innermost
    /// first one: "var x = a * 1.5;" gives one NANO018 on "1.5", not one on every enclosing expression.
    /// What the source spells out ("a[1..3]") wins over what was found through types (the Index
    /// that "1" converts to).
    /// </summary>
    internal sealed class FindingSet
    {
        private readonly List<Finding> _findings = new List<Finding>();

        public void Add(DiagnosticDescriptor rule, SyntaxNode node, Location location, string what, string where, bool written)
        {
            _findings.Add(new Finding(rule, AnchorOf(node), location, what, where, written));
        }

        /// <summary>The diagnostics, leaving out findings inside <paramref name="hostOnly"/> code.</summary>
        public ImmutableArray<Diagnostic> ToDiagnostics(ImmutableArray<TextSpan> hostOnly)
        {
            var groups = new Dictionary<(string, SyntaxNode), List<Finding>>();
            var order = new List<(string, SyntaxNode)>();
            foreach (Finding finding in _findings)
            {
                if (IsInside(finding.Location.SourceSpan, hostOnly))
                {
                    continue;
                }

                var key = (finding.Rule.Id, finding.Anchor);
                if (!groups.TryGetValue(key, out List<Finding> group))
                {
                    group = new List<Finding>();
                    groups.Add(key, group);
                    order.Add(key);
                }

                group.Add(finding);
            }

            ImmutableArray<Diagnostic>.Builder result = ImmutableArray.CreateBuilder<Diagnostic>(order.Count);
            foreach (var key in order)
            {
                result.Add(InnermostFirst(groups[key]).ToDiagnostic());
            }

            return result.ToImmutable();
        }

        private static bool IsInside(TextSpan span, ImmutableArray<TextSpan> regions)
        {
            foreach (TextSpan region in regions)
            {
                if (region.Contains(span))
                {
                    return true;
                }
            }

            return false;
        }

        private static Finding InnermostFirst(List<Finding> group)
        {
            bool anyWritten = false;
            foreach (Finding finding in group)
            {
                anyWritten |= finding.Written;
            }

            Finding best = null;
            foreach (Finding candidate in group)
            {
                if ((anyWritten && !candidate.Written) || ContainsAnother(candidate, group, anyWritten))
                {
                    continue;
                }

                if (best == null || candidate.Location.SourceSpan.Start < best.Location.SourceSpan.Start)
                {
                    best = candidate;
                }
            }

            return best ?? group[0];
        }

        private static bool ContainsAnother(Finding candidate, List<Finding> group, bool onlyWritten)
        {
            foreach (Finding other in group)
            {
                if (!ReferenceEquals(other, candidate)
                    && (other.Written || !onlyWritten)
                    && candidate.Location.SourceSpan.Contains(other.Location.SourceSpan)
                    && candidate.Location.SourceSpan != other.Location.SourceSpan)
                {
                    return true;
                }
            }

            return false;
        }

        private static SyntaxNode AnchorOf(SyntaxNode node)
        {
            for (SyntaxNode current = node; current != null; current = current.Parent)
            {
                if (current is StatementSyntax
                    || current is MemberDeclarationSyntax
                    || current is UsingDirectiveSyntax)
                {
                    return current;
                }
            }

            return node.SyntaxTree.GetRoot();
        }
    }
}
