using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NanoSnn.NanoSubset
{
    /// <summary>
    /// Walks one syntax tree and records what nanoFramework 1.x cannot run. It looks only at
    /// what the source writes (keywords, declarations, and the types and methods that written
    /// expressions bind to), never at the helpers the compiler lowers them into; attribute lists,
    /// nameof(...) and documentation comments are skipped. The checks live in
    /// NanoSubsetWalker.Syntax.cs (what is spelled out) and NanoSubsetWalker.Semantic.cs (what
    /// expressions bind to); NanoSubsetWalker.Report.cs turns them into findings.
    /// </summary>
    internal sealed partial class NanoSubsetWalker : CSharpSyntaxWalker
    {
        private const int MaxQuotedLength = 40;

        private readonly SemanticModel _model;
        private readonly bool _allowFloatingPoint;
        private readonly CancellationToken _cancellationToken;
        private readonly FindingSet _findings;
        private readonly List<TypeFinding> _typeFindings = new List<TypeFinding>();

        public NanoSubsetWalker(SemanticModel model, bool allowFloatingPoint, FindingSet findings, CancellationToken cancellationToken)
            : base(SyntaxWalkerDepth.Token)
        {
            _model = model;
            _allowFloatingPoint = allowFloatingPoint;
            _findings = findings;
            _cancellationToken = cancellationToken;
        }

        public override void Visit(SyntaxNode node)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (node is AttributeListSyntax || IsNameOf(node))
            {
                return;
            }

            CheckDeclaration(node);
            CheckSyntax(node);
            if (node is ExpressionSyntax expression)
            {
                CheckExpression(expression);
            }

            base.Visit(node);
        }

        private bool IsNameOf(SyntaxNode node)
        {
            return node is InvocationExpressionSyntax invocation
                && invocation.Expression is IdentifierNameSyntax name
                && name.Identifier.ValueText == "nameof"
                && !(_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol);
        }
    }
}
