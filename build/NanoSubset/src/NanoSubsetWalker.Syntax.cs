using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NanoSnn.NanoSubset
{
    /// <summary>Checks of what the source spells out: keywords, declarations, ^, .., tuples, queries.</summary>
    internal sealed partial class NanoSubsetWalker
    {
        public override void VisitToken(SyntaxToken token)
        {
            switch (token.Kind())
            {
                case SyntaxKind.AsyncKeyword:
                    AddWritten(NanoSubsetRules.Async, token, "'async'");
                    break;
                case SyntaxKind.AwaitKeyword:
                    AddWritten(NanoSubsetRules.Async, token, "'await'");
                    break;
                case SyntaxKind.UnsafeKeyword:
                    AddWritten(NanoSubsetRules.Unsafe, token, "'unsafe' code");
                    break;
                case SyntaxKind.FixedKeyword:
                    AddWritten(NanoSubsetRules.Unsafe, token, "'fixed'");
                    break;
                case SyntaxKind.StackAllocKeyword:
                    AddWritten(NanoSubsetRules.Unsafe, token, "'stackalloc'");
                    break;
            }
        }

        private void CheckDeclaration(SyntaxNode node)
        {
            switch (node)
            {
                case TypeDeclarationSyntax type:
                    if (type.TypeParameterList != null)
                    {
                        AddDeclaration(NanoSubsetRules.GenericDeclaration, type, type.Identifier.GetLocation(),
                            "generic " + type.Keyword.ValueText + " '" + type.Identifier.ValueText + type.TypeParameterList + "'");
                    }

                    if (type is RecordDeclarationSyntax)
                    {
                        AddDeclaration(NanoSubsetRules.Record, type, type.Identifier.GetLocation(), "record '" + type.Identifier.ValueText + "'");
                    }

                    if (type is InterfaceDeclarationSyntax)
                    {
                        CheckInterfaceMembers(type);
                    }

                    break;
                case DelegateDeclarationSyntax declaration when declaration.TypeParameterList != null:
                    AddDeclaration(NanoSubsetRules.GenericDeclaration, declaration, declaration.Identifier.GetLocation(),
                        "generic delegate '" + declaration.Identifier.ValueText + declaration.TypeParameterList + "'");
                    break;
                case MethodDeclarationSyntax method when method.TypeParameterList != null:
                    AddDeclaration(NanoSubsetRules.GenericDeclaration, method, method.Identifier.GetLocation(),
                        "generic method '" + method.Identifier.ValueText + method.TypeParameterList + "'");
                    break;
                case LocalFunctionStatementSyntax function when function.TypeParameterList != null:
                    AddDeclaration(NanoSubsetRules.GenericDeclaration, function, function.Identifier.GetLocation(),
                        "generic local function '" + function.Identifier.ValueText + function.TypeParameterList + "'");
                    break;
            }
        }

        private void CheckInterfaceMembers(TypeDeclarationSyntax type)
        {
            foreach (MemberDeclarationSyntax member in type.Members)
            {
                if (InterfaceMembers.HasBody(member))
                {
                    AddDeclaration(NanoSubsetRules.DefaultInterfaceMember, member, InterfaceMembers.NameLocation(member),
                        "interface member '" + type.Identifier.ValueText + "." + InterfaceMembers.Name(member) + "' with a body");
                }
            }
        }

        private void CheckSyntax(SyntaxNode node)
        {
            switch (node.Kind())
            {
                case SyntaxKind.QueryExpression:
                    AddWritten(NanoSubsetRules.Linq, node, "LINQ query '" + Quote(node) + "'");
                    break;
                case SyntaxKind.YieldReturnStatement:
                    AddWritten(NanoSubsetRules.Iterator, node, "'yield return' iterator");
                    break;
                case SyntaxKind.YieldBreakStatement:
                    AddWritten(NanoSubsetRules.Iterator, node, "'yield break' iterator");
                    break;
                case SyntaxKind.CheckedExpression:
                    AddWritten(NanoSubsetRules.Checked, node, "'checked' expression '" + Quote(node) + "'");
                    break;
                case SyntaxKind.CheckedStatement:
                    AddWritten(NanoSubsetRules.Checked, node, "'checked' block");
                    break;
                case SyntaxKind.IndexExpression:
                    AddWritten(NanoSubsetRules.IndexRange, node, "index from end '" + Quote(node) + "'");
                    break;
                case SyntaxKind.RangeExpression:
                    AddWritten(NanoSubsetRules.IndexRange, node, "range '" + Quote(node) + "'");
                    break;
                case SyntaxKind.ParenthesizedVariableDesignation:
                    AddWritten(NanoSubsetRules.Tuple, node, "deconstruction '" + Quote(node) + "'");
                    break;
                case SyntaxKind.TupleExpression:
                    AddWritten(NanoSubsetRules.Tuple, node, "tuple '" + Quote(node) + "'");
                    break;
            }
        }
    }
}
