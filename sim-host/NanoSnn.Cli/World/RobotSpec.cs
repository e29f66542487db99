namespace NanoSnn.Cli.World
{
    /// <summary>
    /// The simulated robot: a round two-wheeled (differential-drive) base about the size of a
    /// small hobby robot, with distance sensors around its front half, a bumper skirt and wheel
    /// encoders. Units are SI (metres, seconds) unless a name says otherwise.
    /// </summary>
    public sealed class RobotSpec
    {
        /// <summary>Body radius, m.</summary>
        public double RadiusM = 0.09;

        /// <summary>Distance between the wheels, m.</summary>
        public double WheelBaseM = 0.15;

        /// <summary>Wheel ground speed at a command of 100 %, m/s.</summary>
        public double MaxWheelSpeedMps = 0.40;

        /// <summary>Motor response: first-order lag of the wheel speed toward the commanded speed, s.</summary>
        public double MotorTauS = 0.04;

        /// <summary>Wheel slip: each wheel's speed is multiplied by 1 + n, n an Ornstein–Uhlenbeck process (uneven floor) with this standard deviation ...</summary>
        public double WheelSlip = 0.05;

        /// <summary>... and this correlation time, s.</summary>
        public double WheelNoiseTauS = 0.2;

        /// <summary>Standard deviation of the per-robot mismatch of the two motors' strengths (no two motors are alike), as a fraction.</summary>
        public double MotorMismatch = 0.02;

        /// <summary>Distance sensor directions, degrees counter-clockwise from straight ahead (positive = left side). 4 to 8 sensors.</summary>
        public double[] SensorAnglesDeg = { 90, 60, 35, 12, -12, -35, -60, -90 };

        /// <summary>Distance sensor range, measured from the body's edge, m.</summary>
        public double SensorRangeM = 0.40;

        /// <summary>Distance sensor noise (standard deviation), mm.</summary>
        public double SensorNoiseMm = 4;

        /// <summary>Wheel encoder resolution, counts per metre of wheel travel.</summary>
        public double CountsPerMetre = 1000;

        /// <summary>Number of distance sensors.</summary>
        public int Sensors => SensorAnglesDeg.Length;

        /// <summary>Sensor range in the samples' unit (mm).</summary>
        public int SensorRangeMm => (int)System.Math.Round(SensorRangeM * 1000);

        /// <summary>A copy.</summary>
        public RobotSpec Clone()
        {
            var c = (RobotSpec)MemberwiseClone();
            c.SensorAnglesDeg = (double[])SensorAnglesDeg.Clone();
            return c;
        }
    }
}
