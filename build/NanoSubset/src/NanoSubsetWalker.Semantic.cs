using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NanoSnn.NanoSubset
{
    /// <summary>Checks of the types and methods that expressions and type names bind to.</summary>
    internal sealed partial class NanoSubsetWalker
    {
        private void CheckExpression(ExpressionSyntax expression)
        {
            if (expression is TypeSyntax type && type.IsVar)
            {
                return; // the initializer is checked instead
            }

            if (expression is LiteralExpressionSyntax literal && CheckLiteral(literal))
            {
                return;
            }

            ISymbol symbol = _model.GetSymbolInfo(expression, _cancellationToken).Symbol;
            if (symbol is INamespaceSymbol)
            {
                return;
            }

            if (symbol is ITypeSymbol typeSymbol)
            {
                AddTypeFindings(typeSymbol, expression, null);
                return;
            }

            if (symbol is IMethodSymbol method)
            {
                CheckMethod(method, expression);
            }

            TypeInfo typeInfo = _model.GetTypeInfo(expression, _cancellationToken);
            string quoted = "'" + Quote(expression) + "' of ";
            AddTypeFindings(typeInfo.Type, expression, quoted);
            if (typeInfo.ConvertedType != null
                && !SymbolEqualityComparer.Default.Equals(typeInfo.Type, typeInfo.ConvertedType)
                && !IsNullOrDefaultLiteral(expression)
                && !IsArgumentOfNanoCounterpart(expression))
            {
                AddTypeFindings(typeInfo.ConvertedType, expression, "conversion of '" + Quote(expression) + "' to ");
            }
        }

        /// <summary>Reports float, double and decimal literals by their text; false for other literals.</summary>
        private bool CheckLiteral(LiteralExpressionSyntax literal)
        {
            object value = literal.Token.Value;
            if ((value is double || value is float) && !_allowFloatingPoint)
            {
                AddWritten(NanoSubsetRules.FloatingPoint, literal, "floating-point literal '" + literal.Token.Text + "'");
                return true;
            }

            if (value is decimal)
            {
                AddWritten(NanoSubsetRules.Decimal, literal, "decimal literal '" + literal.Token.Text + "'");
                return true;
            }

            return false;
        }

        private void CheckMethod(IMethodSymbol method, ExpressionSyntax expression)
        {
            IMethodSymbol original = method.ReducedFrom ?? method;
            DiagnosticDescriptor namespaceRule = original.ContainingType == null ? null : TypeClassifier.NamespaceRule(original.ContainingType);
            if (namespaceRule != null)
            {
                AddBound(namespaceRule, expression, "method '" + TypeClassifier.Display(method) + "' from " + original.ContainingNamespace.ToDisplayString());
                return;
            }

            if (!method.IsGenericMethod && !original.IsGenericMethod)
            {
                return;
            }

            if (!WritesTypeArguments(expression) && NanoEquivalents.HasNanoCounterpart(method))
            {
                return;
            }

            AddBound(NanoSubsetRules.GenericUse, expression, "generic method '" + TypeClassifier.Display(method) + "'");
        }

        private void AddTypeFindings(ITypeSymbol type, SyntaxNode node, string prefix)
        {
            if (type == null)
            {
                return;
            }

            _typeFindings.Clear();
            TypeClassifier.Classify(type, _allowFloatingPoint, _typeFindings);
            foreach (TypeFinding finding in _typeFindings)
            {
                AddBound(finding.Rule, node, prefix == null ? finding.Description : prefix + finding.Description);
            }
        }

        private static bool IsNullOrDefaultLiteral(ExpressionSyntax expression)
        {
            return expression.IsKind(SyntaxKind.NullLiteralExpression) || expression.IsKind(SyntaxKind.DefaultLiteralExpression);
        }

        /// <summary>True for an argument of e.g. Assert.IsTrue(bool?), which takes a plain bool on nano.</summary>
        private bool IsArgumentOfNanoCounterpart(ExpressionSyntax expression)
        {
            // The conversion may be reported on the name inside the argument (`x.Flag`,
            // `(flag)`): climb to the whole argument expression first.
            while (expression.Parent is ParenthesizedExpressionSyntax
                || (expression.Parent is MemberAccessExpressionSyntax access && access.Name == expression))
            {
                expression = (ExpressionSyntax)expression.Parent;
            }

            return expression.Parent is ArgumentSyntax argument
                && argument.Parent is ArgumentListSyntax list
                && list.Parent is InvocationExpressionSyntax invocation
                && !WritesTypeArguments(invocation)
                && _model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol method
                && NanoEquivalents.HasNanoCounterpart(method);
        }

        private static bool WritesTypeArguments(ExpressionSyntax expression)
        {
            ExpressionSyntax name = expression;
            if (name is InvocationExpressionSyntax invocation)
            {
                name = invocation.Expression;
            }

            if (name is MemberAccessExpressionSyntax access)
            {
                name = access.Name;
            }
            else if (name is MemberBindingExpressionSyntax binding)
            {
                name = binding.Name;
            }

            return name is GenericNameSyntax;
        }
    }
}
