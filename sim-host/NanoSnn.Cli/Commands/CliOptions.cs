using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;

namespace NanoSnn.Cli.Commands
{
    /// <summary>Option factories with range validators, so that every command rejects bad values the same way.</summary>
    public static class CliOptions
    {
        /// <summary>An int option that must lie in <paramref name="min"/>..<paramref name="max"/>.</summary>
        public static Option<int> Int(string name, string description, int defaultValue, int min, int max)
        {
            Option<int> option = new Option<int>(name)
            {
                Description = description + " [" + min.ToString(CultureInfo.InvariantCulture) + ".." + max.ToString(CultureInfo.InvariantCulture) + "]",
                DefaultValueFactory = _ => defaultValue,
            };
            AddRange(option, name, min, max);
            return option;
        }

        /// <summary>An optional int option (null when absent) that must lie in <paramref name="min"/>..<paramref name="max"/>.</summary>
        public static Option<int?> OptionalInt(string name, string description, int min, int max)
        {
            Option<int?> option = new Option<int?>(name)
            {
                Description = description + " [" + min.ToString(CultureInfo.InvariantCulture) + ".." + max.ToString(CultureInfo.InvariantCulture) + "]",
            };
            option.Validators.Add(result =>
            {
                int? value;
                if (!TryGetValue(result, out value)) return;
                if (value.HasValue && (value.Value < min || value.Value > max))
                    result.AddError(OutOfRange(name, value.Value.ToString(CultureInfo.InvariantCulture), min, max));
            });
            return option;
        }

        /// <summary>A probability option in [0, 1].</summary>
        public static Option<double> Probability(string name, string description, double defaultValue)
        {
            return Checked(name, description + " [0..1]", defaultValue, value => value >= 0.0 && value <= 1.0,
                " is not a probability; use a number in 0..1, e.g. 0.05");
        }

        /// <summary>A number option that must be finite and greater than 0.</summary>
        public static Option<double> Positive(string name, string description, double defaultValue)
        {
            return Checked(name, description + " [> 0]", defaultValue, IsPositive, NotPositive);
        }

        /// <summary>A number option that must lie in <paramref name="min"/>..<paramref name="max"/>.</summary>
        public static Option<double> Number(string name, string description, double defaultValue, double min, double max)
        {
            string range = min.ToString("R", CultureInfo.InvariantCulture) + ".." + max.ToString("R", CultureInfo.InvariantCulture);
            return Checked(name, description + " [" + range + "]", defaultValue, value => value >= min && value <= max,
                " is out of range; use a number in " + range);
        }

        /// <summary>An optional number option (null when absent) that must be finite and greater than 0.</summary>
        public static Option<double?> OptionalPositive(string name, string description)
        {
            Option<double?> option = new Option<double?>(name) { Description = description + " [> 0]" };
            option.Validators.Add(result =>
            {
                double? value;
                if (!TryGetValue(result, out value) || !value.HasValue) return;
                if (!IsPositive(value.Value)) result.AddError("option " + name + ": " + value.Value.ToString("R", CultureInfo.InvariantCulture) + NotPositive);
            });
            return option;
        }

        private const string NotPositive = " is not positive; use a number greater than 0";

        private static bool IsPositive(double value)
        {
            return value > 0.0 && !double.IsInfinity(value);
        }

        // A number option whose value must pass valid; the error reads "option NAME: VALUE" + problem.
        private static Option<double> Checked(string name, string description, double defaultValue, System.Func<double, bool> valid, string problem)
        {
            Option<double> option = new Option<double>(name)
            {
                Description = description,
                DefaultValueFactory = _ => defaultValue,
            };
            option.Validators.Add(result =>
            {
                double value;
                if (!TryGetValue(result, out value)) return;
                if (!valid(value)) result.AddError("option " + name + ": " + value.ToString("R", CultureInfo.InvariantCulture) + problem);
            });
            return option;
        }

        /// <summary>A string option that must be one of <paramref name="choices"/> (case-insensitive; the value is returned in lower case).</summary>
        public static Option<string> Choice(string name, string description, string defaultValue, params string[] choices)
        {
            string list = string.Join("|", choices);
            Option<string> option = new Option<string>(name)
            {
                Description = description + " [" + list + "]",
                DefaultValueFactory = _ => defaultValue,
                HelpName = list,
                CustomParser = result => result.Tokens.Count == 0 ? defaultValue : result.Tokens[result.Tokens.Count - 1].Value.ToLowerInvariant(),
            };
            option.Validators.Add(result =>
            {
                string value;
                if (!TryGetValue(result, out value) || value == null) return;
                if (System.Array.IndexOf(choices, value) < 0)
                    result.AddError("option " + name + ": '" + value + "' is not valid; use one of " + string.Join(", ", choices));
            });
            return option;
        }

        /// <summary>The --seed option shared by the commands (a 32-bit unsigned seed).</summary>
        public static Option<uint> Seed(string description)
        {
            return new Option<uint>("--seed")
            {
                Description = description + " [0.." + uint.MaxValue.ToString(CultureInfo.InvariantCulture) + "]",
                DefaultValueFactory = _ => 1u,
            };
        }

        /// <summary>The --json switch.</summary>
        public static Option<bool> Json(string description)
        {
            return new Option<bool>("--json") { Description = description };
        }

        /// <summary>A file path option.</summary>
        public static Option<FileInfo> File(string name, string description)
        {
            return new Option<FileInfo>(name) { Description = description, HelpName = "FILE" };
        }

        private static void AddRange(Option<int> option, string name, int min, int max)
        {
            option.Validators.Add(result =>
            {
                int value;
                if (!TryGetValue(result, out value)) return;
                if (value < min || value > max)
                    result.AddError(OutOfRange(name, value.ToString(CultureInfo.InvariantCulture), min, max));
            });
        }

        // A value that does not convert already carries the parser's "cannot parse" error; the
        // validator must not throw on it (the parser runs validators after conversion failures too).
        private static bool TryGetValue<T>(OptionResult result, out T value)
        {
            try
            {
                value = result.GetValueOrDefault<T>();
                return true;
            }
            catch (System.InvalidOperationException)
            {
                value = default;
                return false;
            }
        }

        private static string OutOfRange(string name, string value, int min, int max)
        {
            return "option " + name + ": " + value + " is out of range; use a whole number in "
                + min.ToString(CultureInfo.InvariantCulture) + ".." + max.ToString(CultureInfo.InvariantCulture);
        }
    }
}
