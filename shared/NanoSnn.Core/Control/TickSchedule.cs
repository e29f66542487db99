namespace NanoSnn
{
    /// <summary>
    /// The fixed-rate schedule of a device's tick loop: when the next tick is due, how long
    /// the finished tick took, and which ticks were late. The loop calls <see cref="Start"/>
    /// once, then <see cref="Finish"/> after every tick and waits the time it returns.
    /// </summary>
    /// <remarks>
    /// A tick that ends after the next one was due is counted in <see cref="LateTicks"/> and the
    /// schedule restarts from the moment it ended: time stretches, but no tick is skipped or
    /// run twice, so the sequence of ticks (and a log of them) stays replayable in lockstep with
    /// the simulator. Catching up by running ticks back to back would feed the network a burst
    /// of samples taken microseconds apart, which is not what it was trained on.
    /// </remarks>
    public sealed class TickSchedule
    {
        private long _nextUs;
        private bool _started;

        /// <summary>Creates a schedule with a period of <paramref name="periodUs"/> (&gt; 0) microseconds.</summary>
        public TickSchedule(int periodUs)
        {
            if (periodUs <= 0) throw new System.ArgumentException("tick schedule: period must be > 0 µs, not " + periodUs);
            PeriodUs = periodUs;
        }

        /// <summary>The tick period, µs.</summary>
        public readonly int PeriodUs;

        /// <summary>When the next tick is due, on the caller's clock (µs).</summary>
        public long NextTickUs { get { return _nextUs; } }

        /// <summary>Ticks finished since <see cref="Start"/>.</summary>
        public long Ticks;

        /// <summary>Ticks that ended after the next one was due.</summary>
        public long LateTicks;

        /// <summary>Longest tick since <see cref="Start"/>, µs.</summary>
        public long WorstTickUs;

        /// <summary>Longest tick since the last <see cref="ResetWindow"/>, µs (for periodic reports).</summary>
        public long WindowWorstTickUs;

        /// <summary>Late ticks since the last <see cref="ResetWindow"/>.</summary>
        public long WindowLateTicks;

        /// <summary>Starts the schedule: the first tick is due at <paramref name="nowUs"/>.</summary>
        public void Start(long nowUs)
        {
            _nextUs = nowUs;
            _started = true;
            Ticks = 0;
            LateTicks = 0;
            WorstTickUs = 0;
            ResetWindow();
        }

        /// <summary>
        /// Records a tick that started at <paramref name="startUs"/> and ended at
        /// <paramref name="nowUs"/>; returns the microseconds to wait before the next tick
        /// (0 when it is already due). Allocates nothing.
        /// </summary>
        public long Finish(long startUs, long nowUs)
        {
            if (!_started) Start(startUs);
            long used = nowUs - startUs;
            if (used > WorstTickUs) WorstTickUs = used;
            if (used > WindowWorstTickUs) WindowWorstTickUs = used;
            Ticks++;
            _nextUs += PeriodUs;
            long waitUs = _nextUs - nowUs;
            if (waitUs < 0)
            {
                LateTicks++;
                WindowLateTicks++;
                _nextUs = nowUs;
                return 0;
            }
            return waitUs;
        }

        /// <summary>Starts a new report window (<see cref="WindowWorstTickUs"/>, <see cref="WindowLateTicks"/>).</summary>
        public void ResetWindow()
        {
            WindowWorstTickUs = 0;
            WindowLateTicks = 0;
        }
    }
}
