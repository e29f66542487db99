using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NanoSnn.NanoSubset
{
    /// <summary>Records findings with the member they occur in.</summary>
    internal sealed partial class NanoSubsetWalker
    {
        /// <summary>A feature the source spells out at <paramref name="node"/> (keyword, literal, ^, .., tuple).</summary>
        private void AddWritten(DiagnosticDescriptor rule, SyntaxNode node, string what)
        {
            _findings.Add(rule, node, node.GetLocation(), what, Where(node), written: true);
        }

        private void AddWritten(DiagnosticDescriptor rule, SyntaxToken token, string what)
        {
            _findings.Add(rule, token.Parent, token.GetLocation(), what, Where(token.Parent), written: true);
        }

        /// <summary>A declaration, reported at its name and placed in its container.</summary>
        private void AddDeclaration(DiagnosticDescriptor rule, SyntaxNode declaration, Location at, string what)
        {
            _findings.Add(rule, declaration, at, what, Where(declaration.Parent), written: true);
        }

        /// <summary>A type or method that the expression or type name at <paramref name="node"/> binds to.</summary>
        private void AddBound(DiagnosticDescriptor rule, SyntaxNode node, string what)
        {
            _findings.Add(rule, node, node.GetLocation(), what, Where(node), written: false);
        }

        /// <summary>The innermost declared member, local function or type around <paramref name="node"/>.</summary>
        private string Where(SyntaxNode node)
        {
            for (SyntaxNode current = node; current != null; current = current.Parent)
            {
                ISymbol symbol = DeclaredSymbol(current);
                if (symbol != null)
                {
                    return symbol is INamespaceSymbol ns && ns.IsGlobalNamespace ? "<global namespace>" : TypeClassifier.Display(symbol);
                }
            }

            return "<global namespace>";
        }

        private ISymbol DeclaredSymbol(SyntaxNode node)
        {
            switch (node)
            {
                case BaseFieldDeclarationSyntax field:
                    return field.Declaration.Variables.Count == 0
                        ? null
                        : _model.GetDeclaredSymbol(field.Declaration.Variables[0], _cancellationToken);
                case MemberDeclarationSyntax member:
                    return _model.GetDeclaredSymbol(member, _cancellationToken);
                case LocalFunctionStatementSyntax function:
                    return _model.GetDeclaredSymbol(function, _cancellationToken);
                default:
                    return null;
            }
        }

        private static string Quote(SyntaxNode node)
        {
            string text = node.ToString().Replace("\r", " ").Replace("\n", " ");
            return text.Length <= MaxQuotedLength ? text : text.Substring(0, MaxQuotedLength - 3) + "...";
        }
    }
}
