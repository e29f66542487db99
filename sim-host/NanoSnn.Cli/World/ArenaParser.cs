using System;
using System.Collections.Generic;
using System.Globalization;

namespace NanoSnn.Cli.World
{
    /// <summary>A malformed arena description: the source, the 1-based line and what would be valid.</summary>
    public sealed class ArenaFormatException : Exception
    {
        /// <summary>Creates the error; the message reads "source:line: message".</summary>
        public ArenaFormatException(string source, int line, string message)
            : base(source + (line > 0 ? ":" + line.ToString(CultureInfo.InvariantCulture) : "") + ": " + message)
        {
            Source = source;
            Line = line;
        }

        /// <summary>File name or built-in arena name.</summary>
        public new string Source { get; }

        /// <summary>1-based line of the error (0 when it concerns the whole description).</summary>
        public int Line { get; }
    }

    /// <summary>
    /// Reads the arena text format: one item per line, numbers separated by spaces, metres and
    /// degrees, <c>#</c> starts a comment.
    /// <code>
    /// name   A                     # optional, defaults to the file name
    /// size   3.0 3.0               # width height: required, first; outer walls all around
    /// box    0.6 0.6 1.0 1.1       # x0 y0 x1 y1: an axis-aligned block
    /// pillar 2.2 2.1 0.12          # x y radius: a round obstacle
    /// wall   1.5 2.0 2.5 2.0       # x0 y0 x1 y1: a thin wall
    /// start  1.5 0.4 90            # x y heading (degrees counter-clockwise from +x); default: centre, 90
    /// </code>
    /// Every error names the line and says what would be valid.
    /// </summary>
    public static class ArenaParser
    {
        /// <summary>Largest arena side, metres (keeps ray casts and plots sensible).</summary>
        public const double MaxSide = 100;

        /// <summary>Most items per arena.</summary>
        public const int MaxItems = 1000;

        private static readonly string Items = "name, size, box, pillar, wall or start";

        /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names it in errors and is the default name.</summary>
        /// <exception cref="ArenaFormatException">The description is malformed.</exception>
        public static Arena Parse(string text, string source)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            string name = null;
            double width = 0, height = 0;
            bool sized = false, started = false;
            double sx = 0, sy = 0, sh = 90;
            int startLine = 0;
            var items = new List<ArenaItem>();
            string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                int line = i + 1;
                string content = lines[i];
                int hash = content.IndexOf('#');
                if (hash >= 0) content = content.Substring(0, hash);
                string[] tokens = content.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length == 0) continue;
                string keyword = tokens[0].ToLowerInvariant();
                if (keyword != "size" && keyword != "name" && !sized)
                    throw new ArenaFormatException(source, line, "'" + tokens[0] + "' before 'size'; the first item must be 'size WIDTH HEIGHT' (metres)");
                switch (keyword)
                {
                    case "name":
                        if (tokens.Length != 2) throw new ArenaFormatException(source, line, "'name' takes one word without spaces, e.g. 'name A'");
                        if (name != null) throw new ArenaFormatException(source, line, "a second 'name'; an arena has one");
                        name = tokens[1];
                        break;
                    case "size":
                        if (sized) throw new ArenaFormatException(source, line, "a second 'size'; an arena has one");
                        double[] size = Numbers(source, line, tokens, "width", "height");
                        for (int k = 0; k < 2; k++)
                            if (!(size[k] > 0 && size[k] <= MaxSide))
                                throw new ArenaFormatException(source, line, (k == 0 ? "width " : "height ") + Show(size[k]) + " is out of range; use 0 < size <= " + Show(MaxSide) + " m");
                        width = size[0];
                        height = size[1];
                        sized = true;
                        break;
                    case "box":
                    {
                        double[] v = Numbers(source, line, tokens, "x0", "y0", "x1", "y1");
                        Inside(source, line, v[0], v[1], width, height, "corner (x0, y0)");
                        Inside(source, line, v[2], v[3], width, height, "corner (x1, y1)");
                        if (!(v[2] > v[0]) || !(v[3] > v[1]))
                            throw new ArenaFormatException(source, line, "box corners must satisfy x0 < x1 and y0 < y1 (lower-left, then upper-right), got ("
                                + Show(v[0]) + ", " + Show(v[1]) + ") and (" + Show(v[2]) + ", " + Show(v[3]) + ")");
                        items.Add(new ArenaItem(ArenaItemKind.Box, v[0], v[1], v[2], v[3], 0, line));
                        break;
                    }
                    case "pillar":
                    {
                        double[] v = Numbers(source, line, tokens, "x", "y", "radius");
                        Inside(source, line, v[0], v[1], width, height, "centre");
                        if (!(v[2] > 0 && v[2] <= Math.Min(width, height) / 2))
                            throw new ArenaFormatException(source, line, "radius " + Show(v[2]) + " is out of range; use 0 < radius <= " + Show(Math.Min(width, height) / 2) + " m");
                        items.Add(new ArenaItem(ArenaItemKind.Pillar, v[0], v[1], 0, 0, v[2], line));
                        break;
                    }
                    case "wall":
                    {
                        double[] v = Numbers(source, line, tokens, "x0", "y0", "x1", "y1");
                        Inside(source, line, v[0], v[1], width, height, "end (x0, y0)");
                        Inside(source, line, v[2], v[3], width, height, "end (x1, y1)");
                        if (v[0] == v[2] && v[1] == v[3])
                            throw new ArenaFormatException(source, line, "the wall's two ends coincide; give two different points");
                        items.Add(new ArenaItem(ArenaItemKind.Wall, v[0], v[1], v[2], v[3], 0, line));
                        break;
                    }
                    case "start":
                    {
                        if (started) throw new ArenaFormatException(source, line, "a second 'start'; an arena has one start pose");
                        double[] v = Numbers(source, line, tokens, "x", "y", "heading");
                        Inside(source, line, v[0], v[1], width, height, "start");
                        if (!(v[2] >= -360 && v[2] <= 360))
                            throw new ArenaFormatException(source, line, "heading " + Show(v[2]) + " is out of range; use degrees in -360..360");
                        sx = v[0]; sy = v[1]; sh = v[2];
                        started = true;
                        startLine = line;
                        break;
                    }
                    default:
                        throw new ArenaFormatException(source, line, "unknown item '" + tokens[0] + "'; use " + Items);
                }
                if (items.Count > MaxItems) throw new ArenaFormatException(source, line, "more than " + MaxItems + " items");
            }
            if (!sized) throw new ArenaFormatException(source, 0, "no 'size WIDTH HEIGHT' line; an arena needs one (metres)");
            if (!started) { sx = width / 2; sy = height / 2; }
            return new Arena(name ?? source, width, height, items, sx, sy, sh) { StartLine = startLine };
        }

        private static double[] Numbers(string source, int line, string[] tokens, params string[] names)
        {
            string keyword = tokens[0].ToLowerInvariant();
            if (tokens.Length - 1 != names.Length)
                throw new ArenaFormatException(source, line, "'" + keyword + "' needs " + names.Length + " numbers (" + string.Join(" ", names) + "), got " + (tokens.Length - 1));
            var values = new double[names.Length];
            for (int k = 0; k < names.Length; k++)
            {
                string token = tokens[k + 1];
                if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]) || double.IsNaN(values[k]) || double.IsInfinity(values[k]))
                    throw new ArenaFormatException(source, line, "'" + token + "' is not a number (" + names[k] + " of " + keyword + "); write e.g. 1.25");
            }
            return values;
        }

        private static void Inside(string source, int line, double x, double y, double width, double height, string what)
        {
            if (x < 0 || x > width || y < 0 || y > height)
                throw new ArenaFormatException(source, line, what + " (" + Show(x) + ", " + Show(y) + ") is outside the arena; use 0 <= x <= "
                    + Show(width) + " and 0 <= y <= " + Show(height));
        }

        private static string Show(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
