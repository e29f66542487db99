using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NanoSnn.NanoSubset
{
    /// <summary>Finds interface members that carry a body (default interface methods and friends).</summary>
    internal static class InterfaceMembers
    {
        public static bool HasBody(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method: // methods, operators, conversions
                    return method.Body != null || method.ExpressionBody != null;
                case PropertyDeclarationSyntax property:
                    return property.ExpressionBody != null || AccessorsHaveBody(property.AccessorList);
                case IndexerDeclarationSyntax indexer:
                    return indexer.ExpressionBody != null || AccessorsHaveBody(indexer.AccessorList);
                case EventDeclarationSyntax @event:
                    return AccessorsHaveBody(@event.AccessorList);
                default:
                    return false;
            }
        }

        public static string Name(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText + "()";
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case EventDeclarationSyntax @event:
                    return @event.Identifier.ValueText;
                case IndexerDeclarationSyntax _:
                    return "this[]";
                default:
                    return "operator";
            }
        }

        public static Location NameLocation(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case MethodDeclarationSyntax method:
                    return method.Identifier.GetLocation();
                case PropertyDeclarationSyntax property:
                    return property.Identifier.GetLocation();
                case EventDeclarationSyntax @event:
                    return @event.Identifier.GetLocation();
                default:
                    return member.GetLocation();
            }
        }

        private static bool AccessorsHaveBody(AccessorListSyntax accessors)
        {
            if (accessors == null)
            {
                return false;
            }

            foreach (AccessorDeclarationSyntax accessor in accessors.Accessors)
            {
                if (accessor.Body != null || accessor.ExpressionBody != null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
