namespace NanoSnn
{
    /// <summary>
    /// An analog input (ADC) converted to sensor units with an integer calibration:
    /// <code>units = round((counts − OffsetCounts) · GainQ16 / 2^16) + OffsetUnits</code>
    /// saturated to <c>int</c>. A board subclass only reads raw counts
    /// (<see cref="TryReadCounts"/>); counts outside 0..<see cref="MaxCounts"/> are a failed read.
    /// </summary>
    /// <remarks>
    /// Rounding is half up (add 2^15, then an arithmetic shift), the same on both hosts.
    /// Calibrate per sensor rather than trusting volts: the ESP32 ADC is non-linear near both
    /// ends of its range, and a two-point calibration over the range actually used is both
    /// cheaper and more honest than a datasheet curve.
    /// </remarks>
    public abstract class AnalogInputBase : SensorChannel
    {
        /// <summary>Creates a channel whose ADC returns 0..<paramref name="maxCounts"/> (e.g. 4095 for 12 bits); identity calibration.</summary>
        protected AnalogInputBase(int maxCounts)
            : base(true)
        {
            if (maxCounts < 1) throw new System.ArgumentException("analog input: maxCounts must be >= 1, not " + maxCounts);
            MaxCounts = maxCounts;
        }

        /// <summary>Largest valid raw reading.</summary>
        public readonly int MaxCounts;

        /// <summary>Raw counts that map to <see cref="OffsetUnits"/>.</summary>
        public int OffsetCounts;

        /// <summary>Sensor units per count, Q16 (may be negative: a sensor whose value falls as the voltage rises).</summary>
        public int GainQ16 = FixedPoint.OneQ16;

        /// <summary>Sensor units at <see cref="OffsetCounts"/>.</summary>
        public int OffsetUnits;

        /// <summary>The last valid raw reading.</summary>
        public int LastCounts;

        /// <summary>Reads the raw ADC counts; false when the read failed. Must not allocate.</summary>
        protected abstract bool TryReadCounts(out int counts);

        /// <summary>
        /// Two-point calibration: <paramref name="countsLow"/> reads as <paramref name="unitsLow"/>
        /// and <paramref name="countsHigh"/> as <paramref name="unitsHigh"/> (set-up time; throws
        /// when the points coincide or the gain does not fit Q16 in an int).
        /// </summary>
        public void Calibrate(int countsLow, int unitsLow, int countsHigh, int unitsHigh)
        {
            if (countsHigh == countsLow) throw new System.ArgumentException("analog calibration: the two points have the same counts " + countsLow);
            long span = ((long)unitsHigh - unitsLow) * FixedPoint.OneQ16;
            long countsSpan = (long)countsHigh - countsLow;
            // Round the gain to nearest so that a symmetric range maps symmetrically.
            long gain = (span >= 0) == (countsSpan > 0)
                ? (FixedPoint.Abs(span) + FixedPoint.Abs(countsSpan) / 2) / FixedPoint.Abs(countsSpan)
                : -((FixedPoint.Abs(span) + FixedPoint.Abs(countsSpan) / 2) / FixedPoint.Abs(countsSpan));
            if (gain > int.MaxValue || gain < int.MinValue)
                throw new System.ArgumentException("analog calibration: gain " + gain + " (Q16) does not fit an int; widen the counts span");
            GainQ16 = (int)gain;
            OffsetCounts = countsLow;
            OffsetUnits = unitsLow;
        }

        /// <summary>Converts raw counts to sensor units with the current calibration. Allocates nothing.</summary>
        public int ToUnits(int counts)
        {
            long scaled = (((long)counts - OffsetCounts) * GainQ16 + (FixedPoint.OneQ16 >> 1)) >> 16;
            return FixedPoint.SaturateToInt(scaled + OffsetUnits);
        }

        /// <inheritdoc/>
        public override bool TryRead(out int value)
        {
            int counts;
            if (!TryReadCounts(out counts) || counts < 0 || counts > MaxCounts)
            {
                value = 0;
                return false;
            }
            LastCounts = counts;
            value = ToUnits(counts);
            return true;
        }
    }
}
