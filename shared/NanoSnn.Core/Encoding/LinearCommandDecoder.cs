namespace NanoSnn
{
    /// <summary>
    /// Turns a readout value into an actuator command: command = clamp(offset + y·gain, min, max)
    /// with y and gain in Q16, rounded to nearest. Example: a PWM duty in 0..1023 from a
    /// readout where y = 1.0 means full speed: gain 1023.0, offset 0, range 0..1023.
    /// </summary>
    public sealed class LinearCommandDecoder
    {
        /// <summary>Creates a decoder; <paramref name="minimum"/> must not exceed <paramref name="maximum"/>.</summary>
        public LinearCommandDecoder(int gainQ16, int offset, int minimum, int maximum)
        {
            if (minimum > maximum) throw new System.ArgumentException("minimum " + minimum + " exceeds maximum " + maximum);
            GainQ16 = gainQ16;
            Offset = offset;
            Minimum = minimum;
            Maximum = maximum;
        }

        /// <summary>Command units per unit of readout, Q16.</summary>
        public readonly int GainQ16;

        /// <summary>Command for a zero readout.</summary>
        public readonly int Offset;

        /// <summary>Smallest command.</summary>
        public readonly int Minimum;

        /// <summary>Largest command.</summary>
        public readonly int Maximum;

        /// <summary>The command for readout value <paramref name="valueQ16"/>.</summary>
        public int Decode(int valueQ16)
        {
            // y·gain is Q32: one rounding shift brings it to command units.
            long scaled = ((long)valueQ16 * GainQ16 + (1L << 31)) >> 32;
            long command = scaled + Offset;
            if (command < Minimum) return Minimum;
            return command > Maximum ? Maximum : (int)command;
        }
    }
}
