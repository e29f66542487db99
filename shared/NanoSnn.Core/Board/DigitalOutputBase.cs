namespace NanoSnn
{
    /// <summary>
    /// An on/off output (status LED, relay, bridge enable): the logical state, polarity and
    /// blink patterns are decided here; a board subclass only drives the pin
    /// (<see cref="WriteLevel"/>). The pin is written only when the level changes, so setting
    /// the same state every tick costs no native call.
    /// </summary>
    public abstract class DigitalOutputBase
    {
        private bool _written;

        /// <summary>Sets the polarity: <paramref name="activeLow"/> drives the pin low for "on".</summary>
        protected DigitalOutputBase(bool activeLow)
        {
            ActiveLow = activeLow;
        }

        /// <summary>Whether "on" is a low pin level.</summary>
        public readonly bool ActiveLow;

        /// <summary>The logical state last applied.</summary>
        public bool IsOn;

        /// <summary>Pin writes since construction (changes only).</summary>
        public long Writes;

        /// <summary>Drives the pin: <paramref name="high"/> is the electrical level. Must not allocate.</summary>
        protected abstract void WriteLevel(bool high);

        /// <summary>Switches the output on or off; writes the pin only on a change (or the first call).</summary>
        public void Set(bool on)
        {
            if (_written && on == IsOn) return;
            IsOn = on;
            _written = true;
            Writes++;
            WriteLevel(on != ActiveLow);
        }

        /// <summary>Inverts the output.</summary>
        public void Toggle()
        {
            Set(!IsOn);
        }

        /// <summary>
        /// Blinks on a fixed grid of the clock: on for the first <paramref name="onUs"/> of every
        /// <paramref name="periodUs"/>. A period &lt;= 0 switches the output off. Allocates nothing.
        /// </summary>
        public void Blink(long nowUs, int periodUs, int onUs)
        {
            if (periodUs <= 0 || nowUs < 0)
            {
                Set(false);
                return;
            }
            Set(nowUs % periodUs < onUs);
        }
    }
}
