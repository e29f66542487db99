using System;

namespace NanoSnn.Cli.World
{
    /// <summary>
    /// A differential-drive robot in an <see cref="Arena"/>, seen by the controller exactly as a
    /// board layer would present the real one: <see cref="ISensorInputs"/> gives distance,
    /// bumper and wheel-encoder samples, <see cref="IActuatorOutputs"/> takes the two motor
    /// commands (signed percent). <see cref="Step"/> advances the physics by one tick.
    /// Deterministic for a seed: all noise comes from the core's xorshift generator and the
    /// arithmetic is IEEE +, −, ×, ÷, √ only (see <see cref="ExactMath"/>).
    /// </summary>
    /// <remarks>
    /// Sample channels: 0..S−1 proximity of distance sensor i in mm (range − distance, 0 when
    /// nothing is in range; noisy), S bumper (1 while the body touches an obstacle), S+1 and S+2
    /// the left and right wheel encoder counts since the previous tick (signed). Command
    /// channels: 0 left motor, 1 right motor, −100..100 %.
    /// </remarks>
    public sealed class RobotWorld : ISensorInputs, IActuatorOutputs
    {
        private readonly RobotSpec _spec;
        private readonly XorShift32 _rng;
        private readonly double _dt;
        private readonly double _motorAlpha;
        private readonly double _noiseKeep;
        private readonly double _noiseKick;
        private readonly double[] _sensorCos;
        private readonly double[] _sensorSin;
        private readonly int[] _commands = new int[2];
        private readonly double[] _wheelSpeed = new double[2];
        private readonly double[] _wheelNoise = new double[2];
        private readonly double[] _travel = new double[2];
        private readonly long[] _counts = new long[2];
        private readonly int[] _countDelta = new int[2];
        private readonly double[] _mismatch = new double[2];
        private readonly int[] _proximityMm;
        private readonly int _ticksPerSecond;
        private int _contactRun;
        private int _freeRun = int.MaxValue;

        /// <summary>Places a robot of <paramref name="spec"/> at the start pose of <paramref name="arena"/>; ticks of <paramref name="dtUs"/> µs.</summary>
        /// <exception cref="ArgumentException">The spec is invalid, or the start pose overlaps an obstacle.</exception>
        public RobotWorld(Arena arena, RobotSpec spec, int dtUs, uint seed)
        {
            if (spec.Sensors < 4 || spec.Sensors > 8) throw new ArgumentException("the robot needs 4 to 8 distance sensors, not " + spec.Sensors);
            if (!(spec.RadiusM > 0) || !(spec.WheelBaseM > 0) || !(spec.MaxWheelSpeedMps > 0) || !(spec.SensorRangeM > 0) || !(spec.CountsPerMetre > 0))
                throw new ArgumentException("robot radius, wheel base, speed, sensor range and encoder resolution must be positive");
            if (dtUs <= 0) throw new ArgumentException("tick must be positive");
            _spec = spec.Clone();
            _dt = dtUs / 1e6;
            _ticksPerSecond = Math.Max(1, 1000000 / dtUs);
            _motorAlpha = _dt / (spec.MotorTauS + _dt);
            _noiseKeep = spec.WheelNoiseTauS > 0 ? 1 - _dt / spec.WheelNoiseTauS : 0;
            _noiseKick = Math.Sqrt(1 - _noiseKeep * _noiseKeep);
            int s = spec.Sensors;
            _sensorCos = new double[s];
            _sensorSin = new double[s];
            for (int i = 0; i < s; i++)
            {
                _sensorCos[i] = ExactMath.Cos(ExactMath.Radians(spec.SensorAnglesDeg[i]));
                _sensorSin[i] = ExactMath.Sin(ExactMath.Radians(spec.SensorAnglesDeg[i]));
            }
            _proximityMm = new int[s];
            SensorMap = new int[s];
            for (int i = 0; i < s; i++) SensorMap[i] = i;
            Channels = s + 3;
            _rng = new XorShift32(seed ^ 0x0B07u);
            for (int w = 0; w < 2; w++) _mismatch[w] = 1 + spec.MotorMismatch * Gaussian();
            MoveTo(arena);
        }

        /// <summary>The robot.</summary>
        public RobotSpec Spec => _spec;

        /// <summary>The arena the robot is in.</summary>
        public Arena Arena { get; private set; }

        /// <summary>Sample channels: S distance sensors, the bumper, two wheel encoders.</summary>
        public int Channels { get; }

        /// <summary>Two motors.</summary>
        int IActuatorOutputs.Channels => 2;

        /// <summary>Sample channel of the bumper.</summary>
        public int BumpChannel => _spec.Sensors;

        /// <summary>Sample channel of the left wheel's encoder counts (the right one follows).</summary>
        public int OdometryChannel => _spec.Sensors + 1;

        /// <summary>Position, m, and heading, radians counter-clockwise from +x.</summary>
        public double X, Y, Heading;

        /// <summary>Body speed along the heading, m/s, and turn rate, rad/s (after the latest step, before collisions).</summary>
        public double Speed, TurnRate;

        /// <summary>Strength of the left and right motor (1 = as built; the adapt task weakens one).</summary>
        public readonly double[] MotorStrength = { 1, 1 };

        /// <summary>Which distance sensor feeds sample channel i (identity as built; the adapt task can rewire it).</summary>
        public readonly int[] SensorMap;

        /// <summary>Whether the body touched an obstacle in the latest step.</summary>
        public bool InContact;

        /// <summary>
        /// Collisions: each contact that begins at least a second after the previous one ended
        /// (a robot nudging a wall is one collision, not one per touch), plus one for every further
        /// second of contact (pushing against a wall for a minute is not one collision either).
        /// </summary>
        public long Collisions;

        /// <summary>Ticks spent touching an obstacle.</summary>
        public long ContactTicks;

        /// <summary>Distance the body moved, m.</summary>
        public double PathLengthM;

        /// <summary>Ticks simulated.</summary>
        public long Ticks;

        /// <summary>Proximity of distance sensor i (before the wiring map), mm.</summary>
        public int ProximityMm(int sensor) => _proximityMm[sensor];

        /// <summary>Puts the robot at <paramref name="arena"/>'s start pose, standing still (the robot is carried there).</summary>
        /// <exception cref="ArgumentException">The start pose overlaps an obstacle or a wall.</exception>
        public void MoveTo(Arena arena)
        {
            ArenaItem blocking = arena.Overlapping(arena.StartX, arena.StartY, _spec.RadiusM);
            if (blocking != null)
                throw new ArgumentException(arena.Name + ": the start pose (" + arena.StartX.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + ", "
                    + arena.StartY.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + ")"
                    + (arena.StartLine > 0 ? " on line " + arena.StartLine : " (the default, the centre)")
                    + " overlaps the " + blocking.Describe() + "; the robot (radius " + _spec.RadiusM.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)
                    + " m) needs free space there");
            Arena = arena;
            X = arena.StartX;
            Y = arena.StartY;
            Heading = ExactMath.WrapAngle(ExactMath.Radians(arena.StartHeadingDegrees));
            _wheelSpeed[0] = _wheelSpeed[1] = 0;
            InContact = false;
            _contactRun = 0;
            _freeRun = int.MaxValue;
            Sense();
        }

        /// <inheritdoc/>
        public bool TryRead(int[] samples)
        {
            int s = _proximityMm.Length;
            for (int i = 0; i < s; i++) samples[i] = _proximityMm[SensorMap[i]];
            samples[s] = InContact ? 1 : 0;
            samples[s + 1] = _countDelta[0];
            samples[s + 2] = _countDelta[1];
            return true;
        }

        /// <inheritdoc/>
        public void Write(int[] commandsPercent)
        {
            _commands[0] = Math.Clamp(commandsPercent[0], -100, 100);
            _commands[1] = Math.Clamp(commandsPercent[1], -100, 100);
        }

        /// <summary>Advances the world by one tick: motors, kinematics, collisions, encoders, sensors. Allocates nothing.</summary>
        public void Step()
        {
            double dt = _dt;
            double max = _spec.MaxWheelSpeedMps;
            for (int w = 0; w < 2; w++)
            {
                double target = _commands[w] * 0.01 * max * MotorStrength[w] * _mismatch[w];
                _wheelSpeed[w] += (target - _wheelSpeed[w]) * _motorAlpha;
                _wheelNoise[w] = _wheelNoise[w] * _noiseKeep + _noiseKick * Gaussian();
            }
            // Slip noise is proportional to speed: a wheel that stands still does not wander.
            double left = _wheelSpeed[0] * (1 + _spec.WheelSlip * _wheelNoise[0]);
            double right = _wheelSpeed[1] * (1 + _spec.WheelSlip * _wheelNoise[1]);
            Speed = (left + right) / 2;
            TurnRate = (right - left) / _spec.WheelBaseM;
            double mid = Heading + TurnRate * dt / 2;
            double x = X + Speed * dt * ExactMath.Cos(mid);
            double y = Y + Speed * dt * ExactMath.Sin(mid);
            Heading = ExactMath.WrapAngle(Heading + TurnRate * dt);
            bool contact = Arena.Resolve(ref x, ref y, _spec.RadiusM);
            PathLengthM += Math.Sqrt((x - X) * (x - X) + (y - Y) * (y - Y));
            X = x;
            Y = y;

            if (contact)
            {
                ContactTicks++;
                if (!InContact && _freeRun >= _ticksPerSecond) { Collisions++; _contactRun = 0; }
                else if (++_contactRun >= _ticksPerSecond) { Collisions++; _contactRun = 0; }
                _freeRun = 0;
            }
            else if (_freeRun < _ticksPerSecond) _freeRun++;
            InContact = contact;

            // The encoders count wheel turns, not body motion: a wheel slipping against a wall still counts.
            _travel[0] += left * dt * _spec.CountsPerMetre;
            _travel[1] += right * dt * _spec.CountsPerMetre;
            for (int w = 0; w < 2; w++)
            {
                long count = (long)Math.Floor(_travel[w]);
                _countDelta[w] = (int)(count - _counts[w]);
                _counts[w] = count;
            }
            Ticks++;
            Sense();
        }

        private void Sense()
        {
            double c = ExactMath.Cos(Heading), s = ExactMath.Sin(Heading);
            double r = _spec.RadiusM, range = _spec.SensorRangeM;
            int rangeMm = _spec.SensorRangeMm;
            for (int i = 0; i < _proximityMm.Length; i++)
            {
                // Sensor direction = heading rotated by the mounting angle.
                double dx = c * _sensorCos[i] - s * _sensorSin[i];
                double dy = s * _sensorCos[i] + c * _sensorSin[i];
                double d = Arena.CastRay(X + dx * r, Y + dy * r, dx, dy, range);
                int p = 0;
                if (d < range)
                {
                    p = (int)Math.Round((range - d) * 1000 + _spec.SensorNoiseMm * Gaussian(), MidpointRounding.ToEven);
                    p = Math.Clamp(p, 0, rangeMm);
                }
                _proximityMm[i] = p;
            }
        }

        private double Gaussian()
        {
            return _rng.NextGaussianQ16() / 65536.0;
        }
    }
}
