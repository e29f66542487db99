namespace NanoSnn
{
    /// <summary>
    /// Parameters of an <see cref="AvoidanceReward"/>, in one place: where its samples are and
    /// how the steering reward is weighted. Integers only; the units are in the names.
    /// </summary>
    public sealed class AvoidanceRewardParameters
    {
        /// <summary>Sample channel of the first distance sensor (the others follow).</summary>
        public int ProximityChannel;

        /// <summary>
        /// Steering weight of each distance sensor, per mille (1000 = 1.0): positive for a sensor
        /// on the left (an obstacle there calls for a right turn), negative on the right, larger
        /// in front. Its length is the number of distance sensors.
        /// </summary>
        public int[] SteeringPerMille = new int[0];

        /// <summary>Proximity that counts as 1.0 (the sensors' full scale, e.g. their range in mm).</summary>
        public int ProximityFullScale = 400;

        /// <summary>Sample channel of the bumper (nonzero while touching), or −1 for none.</summary>
        public int BumpChannel = -1;

        /// <summary>Sample channel of the left wheel's encoder counts since the previous tick (the right wheel's follows), or −1 for none.</summary>
        public int OdometryChannel = -1;

        /// <summary>Ticks per control step: the reward is decided and delivered once per step (50 at 1 ms ticks: Bing et al.'s 50 ms).</summary>
        public int PeriodTicks = 50;

        /// <summary>Left-minus-right wheel counts per control step that count as a turn of 1.0.</summary>
        public int TurnFullScaleCounts = 20;

        /// <summary>Mean wheel counts per control step that count as forward progress 1.0 (for <see cref="AvoidanceReward.ScoreQ16"/>).</summary>
        public int ProgressFullScaleCounts = 10;

        /// <summary>
        /// How much each distance sensor looks straight ahead, per mille (0 = not at all; same
        /// length as <see cref="SteeringPerMille"/>). An obstacle ahead asks for a turn although
        /// the steering weights of the two front sensors cancel: the blockage B (mean Σ front·proximity,
        /// full scale 1.0) adds B·<see cref="BlockedTurnQ16"/> to the side the demand leans to. Empty: no blockage term.
        /// </summary>
        public int[] FrontPerMille = new int[0];

        /// <summary>Turn wanted per unit of blockage ahead, Q16.</summary>
        public int BlockedTurnQ16 = FixedPoint.OneQ16 / 2;

        /// <summary>Weight of the measured turn against the wanted one, Q16 (1.0: the robot should turn at 1.0 for a wanted turn of 1.0).</summary>
        public int TurnGainQ16 = 4 * FixedPoint.OneQ16;

        /// <summary>How much a pressed bumper amplifies the steering demand, Q16 (demand · (1 + gain · fraction of the step in contact)).</summary>
        public int BumpGainQ16 = 2 * FixedPoint.OneQ16;

        /// <summary>Scale of the delivered reward, Q16: reward = scale · (demand − gain · turn); the learning rate of the rules that receive it.</summary>
        public int RewardScaleQ16 = 16;

        /// <summary>Largest |reward| delivered, Q16.</summary>
        public int RewardLimitQ16 = FixedPoint.OneQ16 / 4;

        /// <summary>Score lost per control step spent entirely in contact, Q16 (for <see cref="AvoidanceReward.ScoreQ16"/>).</summary>
        public int CollisionPenaltyQ16 = 2 * FixedPoint.OneQ16;

        /// <summary>A copy (the steering weights are copied too).</summary>
        public AvoidanceRewardParameters Clone()
        {
            AvoidanceRewardParameters p = (AvoidanceRewardParameters)MemberwiseClone();
            p.SteeringPerMille = new int[SteeringPerMille.Length];
            System.Array.Copy(SteeringPerMille, p.SteeringPerMille, SteeringPerMille.Length);
            p.FrontPerMille = new int[FrontPerMille.Length];
            System.Array.Copy(FrontPerMille, p.FrontPerMille, FrontPerMille.Length);
            return p;
        }
    }
}
