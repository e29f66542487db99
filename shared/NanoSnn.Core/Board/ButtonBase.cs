namespace NanoSnn
{
    /// <summary>
    /// A push button polled once per tick: debouncing, press/release, click and long-press
    /// detection, decided here; a board subclass only reads the pin level
    /// (<see cref="ReadLevelHigh"/>). Polling costs one pin read per tick and allocates
    /// nothing, where per-edge GPIO callbacks allocate an event object per edge on nanoCLR.
    /// </summary>
    /// <remarks>
    /// Times are microseconds from any monotonic clock (the tick loop passes the ESP32
    /// high-resolution timer, tests pass their own). A level change is accepted once it has
    /// stayed unchanged for <see cref="DebounceUs"/>; the press time is taken from the first
    /// sample of the new level, so a long press is measured from the real edge. A button that
    /// is already down at the first poll (held through reset, or stuck) is ignored until it has
    /// been released once: a stuck button must not fire events.
    /// </remarks>
    public abstract class ButtonBase
    {
        private bool _primed;
        private bool _rawPressed;
        private long _rawSinceUs;
        private long _pressedAtUs;
        private bool _longFired;
        private bool _ignoreUntilRelease;

        /// <summary>
        /// Sets up the decision logic. <paramref name="activeLow"/>: the pin reads low while
        /// pressed (a button to GND with a pull-up). <paramref name="longPressUs"/> must exceed
        /// <paramref name="debounceUs"/> (&gt;= 0).
        /// </summary>
        protected ButtonBase(bool activeLow, int debounceUs, int longPressUs)
        {
            if (debounceUs < 0) throw new System.ArgumentException("button: debounceUs must be >= 0, not " + debounceUs);
            if (longPressUs <= debounceUs)
                throw new System.ArgumentException("button: longPressUs (" + longPressUs + ") must be greater than debounceUs (" + debounceUs + ")");
            ActiveLow = activeLow;
            DebounceUs = debounceUs;
            LongPressUs = longPressUs;
        }

        /// <summary>Whether the pin reads low while the button is pressed.</summary>
        public readonly bool ActiveLow;

        /// <summary>How long a new level must hold before it counts, µs.</summary>
        public readonly int DebounceUs;

        /// <summary>How long a press must last to count as a long press, µs.</summary>
        public readonly int LongPressUs;

        /// <summary>The debounced state: true while pressed.</summary>
        public bool IsPressed;

        /// <summary>Events of the most recent <see cref="Update"/>.</summary>
        public ButtonEvents LastEvents;

        /// <summary>Debounced presses since construction or <see cref="Reset"/>.</summary>
        public long Presses;

        /// <summary>Short presses (clicks) since construction or <see cref="Reset"/>.</summary>
        public long Clicks;

        /// <summary>Long presses since construction or <see cref="Reset"/>.</summary>
        public long LongPresses;

        /// <summary>Reads the raw pin level: true for high. Must not allocate.</summary>
        protected abstract bool ReadLevelHigh();

        /// <summary>
        /// Samples the pin at <paramref name="nowUs"/> and returns what happened since the last
        /// call. Call once per tick. Allocates nothing.
        /// </summary>
        public ButtonEvents Update(long nowUs)
        {
            bool raw = ReadLevelHigh() != ActiveLow;
            ButtonEvents events = ButtonEvents.None;
            if (!_primed)
            {
                _primed = true;
                _rawPressed = raw;
                _rawSinceUs = nowUs;
                IsPressed = raw;
                _ignoreUntilRelease = raw;
                LastEvents = events;
                return events;
            }

            if (raw != _rawPressed)
            {
                _rawPressed = raw;
                _rawSinceUs = nowUs;
            }

            if (_rawPressed != IsPressed && nowUs - _rawSinceUs >= DebounceUs)
            {
                IsPressed = _rawPressed;
                if (IsPressed)
                {
                    _pressedAtUs = _rawSinceUs;
                    _longFired = false;
                    if (!_ignoreUntilRelease)
                    {
                        events |= ButtonEvents.Pressed;
                        Presses++;
                    }
                }
                else if (_ignoreUntilRelease)
                {
                    _ignoreUntilRelease = false;
                }
                else
                {
                    events |= ButtonEvents.Released;
                    if (!_longFired)
                    {
                        events |= ButtonEvents.Clicked;
                        Clicks++;
                    }
                }
            }

            if (IsPressed && !_ignoreUntilRelease && !_longFired && nowUs - _pressedAtUs >= LongPressUs)
            {
                _longFired = true;
                events |= ButtonEvents.LongPressed;
                LongPresses++;
            }

            LastEvents = events;
            return events;
        }

        /// <summary>Forgets the state and the counts; the next <see cref="Update"/> primes again.</summary>
        public void Reset()
        {
            _primed = false;
            _longFired = false;
            _ignoreUntilRelease = false;
            IsPressed = false;
            LastEvents = ButtonEvents.None;
            Presses = 0;
            Clicks = 0;
            LongPresses = 0;
        }
    }
}
