using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace NanoSnn.Cli.Plots
{
    /// <summary>
    /// A dependency-free SVG figure: panels stacked vertically, each a line chart, a spike
    /// raster or a histogram. Plot files are what the simulator's runs and experiments leave
    /// behind for people to look at; SVG opens in any browser and renders in the README.
    /// </summary>
    public sealed class SvgFigure
    {
        private const int Width = 900, PanelHeight = 230, Left = 70, Right = 20, Top = 34, Bottom = 40;
        private static readonly string[] Palette = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf", "#7f7f7f" };
        private readonly List<string> _panels = new List<string>();
        private readonly List<int> _heights = new List<int>();
        private readonly string _title;

        /// <summary>Creates an empty figure with a title line.</summary>
        public SvgFigure(string title)
        {
            _title = title;
        }

        /// <summary>A named series of points for the line charts.</summary>
        public sealed class Series
        {
            /// <summary>Creates a series.</summary>
            public Series(string name, IReadOnlyList<double> x, IReadOnlyList<double> y)
            {
                if (x.Count != y.Count) throw new ArgumentException("x and y differ in length");
                Name = name;
                X = x;
                Y = y;
            }

            /// <summary>Legend text.</summary>
            public string Name { get; }

            /// <summary>Abscissae.</summary>
            public IReadOnlyList<double> X { get; }

            /// <summary>Ordinates.</summary>
            public IReadOnlyList<double> Y { get; }
        }

        /// <summary>Adds a line chart; <paramref name="logY"/> plots log10 of positive values.</summary>
        public SvgFigure AddLines(string title, string xLabel, string yLabel, IReadOnlyList<Series> series, bool logY = false)
        {
            return AddLines(title, xLabel, yLabel, series, null, logY);
        }

        /// <summary>Adds a line chart with labelled vertical markers at <paramref name="marks"/> (e.g. phase boundaries).</summary>
        public SvgFigure AddLines(string title, string xLabel, string yLabel, IReadOnlyList<Series> series, IReadOnlyList<(double X, string Label)> marks, bool logY = false)
        {
            var sb = new StringBuilder();
            double x0 = double.MaxValue, x1 = double.MinValue, y0 = double.MaxValue, y1 = double.MinValue;
            foreach (Series s in series)
            {
                for (int i = 0; i < s.X.Count; i++)
                {
                    double y = Transform(s.Y[i], logY);
                    if (double.IsNaN(y) || double.IsInfinity(y)) continue;
                    x0 = Math.Min(x0, s.X[i]); x1 = Math.Max(x1, s.X[i]);
                    y0 = Math.Min(y0, y); y1 = Math.Max(y1, y);
                }
            }
            if (x0 > x1) { x0 = 0; x1 = 1; y0 = 0; y1 = 1; }
            Pad(ref y0, ref y1);
            if (x1 <= x0) x1 = x0 + 1;
            Frame(sb, title, xLabel, logY ? yLabel + " (log10)" : yLabel, x0, x1, y0, y1);
            if (marks != null)
            {
                foreach (var mark in marks)
                {
                    if (mark.X < x0 || mark.X > x1) continue;
                    double px = Px(mark.X, x0, x1);
                    sb.Append("<line x1='").Append(F(px)).Append("' x2='").Append(F(px)).Append("' y1='").Append(Top).Append("' y2='").Append(PanelHeight - Bottom)
                        .Append("' stroke='#999' stroke-dasharray='4,3'/>\n");
                    sb.Append("<text x='").Append(F(px + 3)).Append("' y='").Append(PanelHeight - Bottom - 4).Append("' font-size='10' fill='#666'>").Append(Escape(mark.Label)).Append("</text>\n");
                }
            }
            for (int k = 0; k < series.Count; k++)
            {
                Series s = series[k];
                string color = Palette[k % Palette.Length];
                var path = new StringBuilder();
                bool pen = false;
                for (int i = 0; i < s.X.Count; i++)
                {
                    double y = Transform(s.Y[i], logY);
                    if (double.IsNaN(y) || double.IsInfinity(y)) { pen = false; continue; }
                    path.Append(pen ? " L" : " M").Append(F(Px(s.X[i], x0, x1))).Append(' ').Append(F(Py(y, y0, y1)));
                    pen = true;
                }
                sb.Append("<path fill='none' stroke='").Append(color).Append("' stroke-width='1.4' d='").Append(path).Append("'/>\n");
                sb.Append("<text x='").Append(Width - Right - 190).Append("' y='").Append(Top + 16 + 15 * k).Append("' fill='")
                    .Append(color).Append("' font-size='12'>").Append(Escape(s.Name)).Append("</text>\n");
            }
            _panels.Add(sb.ToString());
            _heights.Add(PanelHeight);
            return this;
        }

        /// <summary>Adds a spike raster: one dot per (tick, neuron); <paramref name="groupStarts"/> draws separators with labels.</summary>
        public SvgFigure AddRaster(string title, IReadOnlyList<int> ticks, IReadOnlyList<int> neurons, int firstTick, int lastTick, int neuronCount,
            IReadOnlyList<(int Start, string Label)> groupStarts)
        {
            var sb = new StringBuilder();
            Frame(sb, title, "tick (ms)", "neuron", firstTick, Math.Max(lastTick, firstTick + 1), neuronCount, 0);
            for (int g = 0; g < groupStarts.Count; g++)
            {
                double y = Py(groupStarts[g].Start, neuronCount, 0);
                sb.Append("<line x1='").Append(Left).Append("' x2='").Append(Width - Right).Append("' y1='").Append(F(y)).Append("' y2='").Append(F(y))
                    .Append("' stroke='#bbb' stroke-dasharray='3,3'/>\n");
                sb.Append("<text x='").Append(Left + 4).Append("' y='").Append(F(y + 12)).Append("' font-size='11' fill='#555'>").Append(Escape(groupStarts[g].Label)).Append("</text>\n");
            }
            double dotHeight = Math.Max(1.0, (double)(PanelHeight - Top - Bottom) / Math.Max(1, neuronCount));
            for (int i = 0; i < ticks.Count; i++)
            {
                sb.Append("<rect x='").Append(F(Px(ticks[i], firstTick, lastTick))).Append("' y='").Append(F(Py(neurons[i], neuronCount, 0) - dotHeight))
                    .Append("' width='1.2' height='").Append(F(dotHeight)).Append("' fill='#222'/>");
                if (i % 16 == 15) sb.Append('\n');
            }
            _panels.Add(sb.ToString());
            _heights.Add(PanelHeight);
            return this;
        }

        /// <summary>Adds a histogram of <paramref name="values"/> with <paramref name="bins"/> bins; optionally marks one value.</summary>
        public SvgFigure AddHistogram(string title, string xLabel, IReadOnlyList<double> values, int bins, double? mark = null, string markLabel = null)
        {
            var sb = new StringBuilder();
            double lo = double.MaxValue, hi = double.MinValue;
            foreach (double v in values) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
            if (mark.HasValue) { lo = Math.Min(lo, mark.Value); hi = Math.Max(hi, mark.Value); }
            if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
            var counts = new int[bins];
            foreach (double v in values) counts[Math.Min(bins - 1, (int)((v - lo) / (hi - lo) * bins))]++;
            int max = 1;
            foreach (int c in counts) max = Math.Max(max, c);
            double logMax = Math.Log10(max + 1);
            Frame(sb, title, xLabel, "count (log10(1+n))", lo, hi, 0, logMax);
            for (int b = 0; b < bins; b++)
            {
                if (counts[b] == 0) continue;
                double xa = Px(lo + (hi - lo) * b / bins, lo, hi), xb = Px(lo + (hi - lo) * (b + 1) / bins, lo, hi);
                double y = Py(Math.Log10(counts[b] + 1), 0, logMax);
                sb.Append("<rect x='").Append(F(xa)).Append("' y='").Append(F(y)).Append("' width='").Append(F(Math.Max(0.8, xb - xa - 0.5)))
                    .Append("' height='").Append(F(PanelHeight - Bottom - y)).Append("' fill='#1f77b4'/>\n");
            }
            if (mark.HasValue)
            {
                double x = Px(mark.Value, lo, hi);
                sb.Append("<line x1='").Append(F(x)).Append("' x2='").Append(F(x)).Append("' y1='").Append(Top).Append("' y2='").Append(PanelHeight - Bottom)
                    .Append("' stroke='#d62728' stroke-width='2'/>\n");
                sb.Append("<text x='").Append(F(Math.Min(x + 4, Width - Right - 160))).Append("' y='").Append(Top + 14).Append("' fill='#d62728' font-size='12'>")
                    .Append(Escape(markLabel ?? "")).Append("</text>\n");
            }
            _panels.Add(sb.ToString());
            _heights.Add(PanelHeight);
            return this;
        }

        /// <summary>An obstacle drawn on a map: a segment (X0, Y0)–(X1, Y1), a rectangle with corners (X0, Y0) and (X1, Y1), or a circle at (X0, Y0) with radius R.</summary>
        public sealed class MapShape
        {
            /// <summary>Creates a shape; <paramref name="kind"/> is "line", "rect" or "circle".</summary>
            public MapShape(string kind, double x0, double y0, double x1, double y1, double r)
            {
                Kind = kind; X0 = x0; Y0 = y0; X1 = x1; Y1 = y1; R = r;
            }

            /// <summary>"line", "rect" or "circle".</summary>
            public string Kind { get; }

            /// <summary>Coordinates (data units).</summary>
            public double X0 { get; }

            /// <summary>Coordinates (data units).</summary>
            public double Y0 { get; }

            /// <summary>Coordinates (data units).</summary>
            public double X1 { get; }

            /// <summary>Coordinates (data units).</summary>
            public double Y1 { get; }

            /// <summary>Circle radius (data units).</summary>
            public double R { get; }
        }

        /// <summary>One map of a map panel: its title, the world's size, the obstacles, one path and marked points.</summary>
        public sealed class MapView
        {
            /// <summary>Creates a view.</summary>
            public MapView(string title, double width, double height, IReadOnlyList<MapShape> shapes, Series path, IReadOnlyList<(double X, double Y)> marks)
            {
                Title = title; Width = width; Height = height; Shapes = shapes; Path = path; Marks = marks;
            }

            /// <summary>Title above the map.</summary>
            public string Title { get; }

            /// <summary>World width (data units).</summary>
            public double Width { get; }

            /// <summary>World height (data units).</summary>
            public double Height { get; }

            /// <summary>Obstacles.</summary>
            public IReadOnlyList<MapShape> Shapes { get; }

            /// <summary>The path (x, y), or null.</summary>
            public Series Path { get; }

            /// <summary>Points marked with red dots (e.g. collisions), or null.</summary>
            public IReadOnlyList<(double X, double Y)> Marks { get; }
        }

        /// <summary>Adds a row of maps side by side, each drawn to scale (equal axes).</summary>
        public SvgFigure AddMaps(string title, IReadOnlyList<MapView> views)
        {
            const int mapSize = 240, gap = 24;
            var sb = new StringBuilder();
            sb.Append("<text x='").Append(Left).Append("' y='").Append(Top - 14).Append("' font-size='13'>").Append(Escape(title)).Append("</text>\n");
            int x = Left;
            for (int v = 0; v < views.Count; v++)
            {
                MapView view = views[v];
                double scale = mapSize / Math.Max(view.Width, view.Height);
                int top = Top + 14;
                double Mx(double wx) => x + wx * scale;
                double My(double wy) => top + (view.Height - wy) * scale;
                sb.Append("<text x='").Append(x).Append("' y='").Append(top - 4).Append("' font-size='12'>").Append(Escape(view.Title)).Append("</text>\n");
                sb.Append("<rect x='").Append(x).Append("' y='").Append(top).Append("' width='").Append(F(view.Width * scale)).Append("' height='")
                    .Append(F(view.Height * scale)).Append("' fill='#fafafa' stroke='#333' stroke-width='2'/>\n");
                foreach (MapShape shape in view.Shapes)
                {
                    switch (shape.Kind)
                    {
                        case "rect":
                            sb.Append("<rect x='").Append(F(Mx(shape.X0))).Append("' y='").Append(F(My(shape.Y1))).Append("' width='").Append(F((shape.X1 - shape.X0) * scale))
                                .Append("' height='").Append(F((shape.Y1 - shape.Y0) * scale)).Append("' fill='#888'/>\n");
                            break;
                        case "circle":
                            sb.Append("<circle cx='").Append(F(Mx(shape.X0))).Append("' cy='").Append(F(My(shape.Y0))).Append("' r='").Append(F(shape.R * scale)).Append("' fill='#888'/>\n");
                            break;
                        default:
                            sb.Append("<line x1='").Append(F(Mx(shape.X0))).Append("' y1='").Append(F(My(shape.Y0))).Append("' x2='").Append(F(Mx(shape.X1)))
                                .Append("' y2='").Append(F(My(shape.Y1))).Append("' stroke='#333' stroke-width='3'/>\n");
                            break;
                    }
                }
                if (view.Path != null && view.Path.X.Count > 0)
                {
                    var path = new StringBuilder();
                    for (int i = 0; i < view.Path.X.Count; i++)
                        path.Append(i == 0 ? "M" : " L").Append(F(Mx(view.Path.X[i]))).Append(' ').Append(F(My(view.Path.Y[i])));
                    string color = Palette[v % Palette.Length];
                    sb.Append("<path fill='none' stroke='").Append(color).Append("' stroke-width='1.1' stroke-opacity='0.8' d='").Append(path).Append("'/>\n");
                    sb.Append("<circle cx='").Append(F(Mx(view.Path.X[0]))).Append("' cy='").Append(F(My(view.Path.Y[0]))).Append("' r='3' fill='").Append(color).Append("'/>\n");
                }
                if (view.Marks != null)
                {
                    foreach (var m in view.Marks)
                        sb.Append("<circle cx='").Append(F(Mx(m.X))).Append("' cy='").Append(F(My(m.Y))).Append("' r='3.5' fill='none' stroke='#d62728' stroke-width='1.5'/>\n");
                }
                x += mapSize + gap;
            }
            _panels.Add(sb.ToString());
            _heights.Add(Top + 14 + mapSize + 16);
            return this;
        }

        /// <summary>The SVG document.</summary>
        public string ToSvg()
        {
            int height = 30;
            foreach (int h in _heights) height += h;
            var sb = new StringBuilder();
            sb.Append("<svg xmlns='http://www.w3.org/2000/svg' width='").Append(Width).Append("' height='").Append(height)
                .Append("' font-family='Helvetica, Arial, sans-serif'>\n<rect width='100%' height='100%' fill='white'/>\n");
            sb.Append("<text x='").Append(Left).Append("' y='20' font-size='15' font-weight='bold'>").Append(Escape(_title)).Append("</text>\n");
            int y = 30;
            for (int p = 0; p < _panels.Count; p++)
            {
                sb.Append("<g transform='translate(0,").Append(y).Append(")'>\n").Append(_panels[p]).Append("</g>\n");
                y += _heights[p];
            }
            return sb.Append("</svg>\n").ToString();
        }

        /// <summary>Writes the figure to <paramref name="path"/> (creating its folder).</summary>
        public void Save(string path)
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            File.WriteAllText(path, ToSvg());
        }

        private static double Transform(double y, bool log) => log ? (y > 0 ? Math.Log10(y) : double.NaN) : y;

        private static void Pad(ref double lo, ref double hi)
        {
            if (hi <= lo) { lo -= 1; hi += 1; return; }
            double pad = (hi - lo) * 0.05;
            lo -= pad;
            hi += pad;
        }

        private static double Px(double x, double x0, double x1) => Left + (x - x0) / (x1 - x0) * (Width - Left - Right);

        private static double Py(double y, double y0, double y1) => PanelHeight - Bottom - (y - y0) / (y1 - y0) * (PanelHeight - Top - Bottom);

        private static void Frame(StringBuilder sb, string title, string xLabel, string yLabel, double x0, double x1, double y0, double y1)
        {
            int plotBottom = PanelHeight - Bottom;
            sb.Append("<text x='").Append(Left).Append("' y='").Append(Top - 10).Append("' font-size='13'>").Append(Escape(title)).Append("</text>\n");
            sb.Append("<rect x='").Append(Left).Append("' y='").Append(Top).Append("' width='").Append(Width - Left - Right).Append("' height='")
                .Append(plotBottom - Top).Append("' fill='none' stroke='#444'/>\n");
            for (int i = 0; i <= 4; i++)
            {
                double xv = x0 + (x1 - x0) * i / 4, yv = y0 + (y1 - y0) * i / 4;
                double px = Px(xv, x0, x1), py = Py(yv, y0, y1);
                sb.Append("<text x='").Append(F(px)).Append("' y='").Append(plotBottom + 15).Append("' font-size='11' text-anchor='middle'>").Append(Tick(xv)).Append("</text>\n");
                sb.Append("<text x='").Append(Left - 6).Append("' y='").Append(F(py + 4)).Append("' font-size='11' text-anchor='end'>").Append(Tick(yv)).Append("</text>\n");
                sb.Append("<line x1='").Append(Left).Append("' x2='").Append(Width - Right).Append("' y1='").Append(F(py)).Append("' y2='").Append(F(py)).Append("' stroke='#eee'/>\n");
            }
            sb.Append("<text x='").Append((Width + Left) / 2).Append("' y='").Append(plotBottom + 32).Append("' font-size='12' text-anchor='middle'>").Append(Escape(xLabel)).Append("</text>\n");
            sb.Append("<text transform='translate(16,").Append((Top + plotBottom) / 2).Append(") rotate(-90)' font-size='12' text-anchor='middle'>").Append(Escape(yLabel)).Append("</text>\n");
        }

        private static string Tick(double v)
        {
            double a = Math.Abs(v);
            string s = a >= 10000 || (a < 0.01 && a > 0) ? v.ToString("0.##E0", CultureInfo.InvariantCulture) : v.ToString(a >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture);
            return s;
        }

        private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("'", "&apos;");
    }
}
