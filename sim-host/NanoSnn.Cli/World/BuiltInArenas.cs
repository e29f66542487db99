using System;
using System.Collections.Generic;

namespace NanoSnn.Cli.World
{
    /// <summary>
    /// The arenas that ship with <c>nanosnn</c>, written in the same text format a user's
    /// <c>--arena FILE</c> uses (so the built-ins also exercise the parser).
    /// </summary>
    public static class BuiltInArenas
    {
        private static readonly (string Name, string Description, string Text)[] All =
        {
            ("a", "3 x 3 m room with two boxes and two pillars (where the tasks learn)",
                "# Arena A: the room the tasks learn in; every passage is at least 0.75 m wide.\n"
                + "name a\n"
                + "size 3 3\n"
                + "box 0.8 1.8 1.2 2.2\n"
                + "box 1.8 0.8 2.2 1.2\n"
                + "pillar 0.9 0.9 0.12\n"
                + "pillar 2.1 2.1 0.15\n"
                + "start 1.5 1.5 30\n"),
            ("b", "3 x 3 m room with a partition wall, a box and two pillars (the changed world of 'adapt')",
                "# Arena B: a different layout, with a partition wall.\n"
                + "name b\n"
                + "size 3 3\n"
                + "wall 1.0 0.8 1.0 2.2\n"
                + "box 1.9 1.7 2.3 2.1\n"
                + "pillar 2.1 0.8 0.12\n"
                + "pillar 1.6 1.2 0.1\n"
                + "start 2.5 2.5 200\n"),
            ("empty", "3 x 3 m room with walls only",
                "name empty\n"
                + "size 3 3\n"
                + "start 1.5 1.5 0\n"),
        };

        /// <summary>Built-in names, in listing order.</summary>
        public static IReadOnlyList<string> Names
        {
            get
            {
                var names = new List<string>();
                foreach (var a in All) names.Add(a.Name);
                return names;
            }
        }

        /// <summary>"a (3 x 3 m room ...), b (...)" for help texts.</summary>
        public static string Describe()
        {
            var parts = new List<string>();
            foreach (var a in All) parts.Add(a.Name + " (" + a.Description + ")");
            return string.Join(", ", parts);
        }

        /// <summary>The built-in arena called <paramref name="name"/> (case-insensitive), or null.</summary>
        public static Arena Find(string name)
        {
            foreach (var a in All)
                if (string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)) return ArenaParser.Parse(a.Text, "built-in arena '" + a.Name + "'");
            return null;
        }
    }
}
