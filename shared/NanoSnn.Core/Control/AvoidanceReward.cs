namespace NanoSnn
{
    /// <summary>
    /// The push-pull steering reward of obstacle avoidance, computed from what a robot's own
    /// sensors say, so that the device can learn without a teacher. Once per control step of
    /// <see cref="AvoidanceRewardParameters.PeriodTicks"/> ticks:
    /// <code>
    /// demand  = Σ_i steer_i · proximity_i / full scale          (mean over the step; + = obstacle on the left)
    /// blocked = Σ_i front_i · proximity_i / full scale          (mean over the step; an obstacle ahead)
    /// turn    = Σ (left counts − right counts) / turn full scale  (wheel odometry; + = turning right)
    /// bump    = fraction of the step with the bumper pressed
    /// wanted  = (demand + sign(demand) · blockedTurn · blocked) · (1 + bumpGain · bump)
    /// reward  = scale · (wanted − turnGain · turn)               clamped to ±limit
    /// </code>
    /// A positive reward means "the left wheel should have been faster": delivered to two motor
    /// populations whose reward-modulated STDP rules have opposite <see cref="RewardStdpParameters.ModulationSign"/>
    /// (+1 for the population that speeds the left wheel), it strengthens the synapses that
    /// were active on the side that should fire and weakens them on the other (push-pull;
    /// Bing et al. 2018). The measured turn closes the loop: the reward vanishes once the robot
    /// turns as much as its surroundings ask, so the weights stop growing, and opposes a turn
    /// nothing asked for, so a drifting robot (a weak motor) learns to drive straight. An obstacle
    /// straight ahead nearly cancels in the demand, so the blockage amplifies whatever side the
    /// demand leans to (the sensors' noise breaks an exact tie). Two alternatives failed in the
    /// simulator: asking for the turn already under way rewarded turning for its own sake (the
    /// robot learned to circle), and asking for a fixed side made the mean reward nonzero, which
    /// the always-active bias input learned as a permanent turn. The reward is 0 in the other
    /// ticks of a step.
    /// </summary>
    /// <remarks>
    /// Besides the reward it keeps <see cref="ScoreQ16"/>, the task's objective as the robot can
    /// measure it (forward progress from the wheel encoders minus a penalty for time in
    /// contact), for telemetry and learning curves; the score is not delivered to the rules.
    /// All quantities are Q16; sums over a step are longs.
    /// </remarks>
    public sealed class AvoidanceReward : LearningSignal
    {
        private const int Limit = FixedPoint.StateLimitQ16;
        private readonly int[] _steer;
        private readonly int[] _front;
        private long _steerSum;
        private long _frontSum;
        private long _turnSum;
        private long _progressSum;
        private int _bumpTicks;
        private int _ticks;
        private long _carryQ32;

        /// <summary>Creates the signal (parameters are copied and checked).</summary>
        public AvoidanceReward(AvoidanceRewardParameters parameters)
            : base(0)
        {
            if (parameters == null) throw new ModelException("avoidance reward: parameters are required");
            AvoidanceRewardParameters p = parameters.Clone();
            const string where = "avoidance reward: ";
            if (p.SteeringPerMille.Length == 0) throw new ModelException(where + "at least one distance sensor (SteeringPerMille) is needed");
            if (p.ProximityChannel < 0) throw new ModelException(where + "ProximityChannel must be >= 0");
            for (int i = 0; i < p.SteeringPerMille.Length; i++)
                if (p.SteeringPerMille[i] < -10000 || p.SteeringPerMille[i] > 10000)
                    throw new ModelException(where + "SteeringPerMille[" + i + "] = " + p.SteeringPerMille[i] + " must be in -10000..10000");
            if (p.FrontPerMille.Length != 0 && p.FrontPerMille.Length != p.SteeringPerMille.Length)
                throw new ModelException(where + "FrontPerMille must be empty or have one entry per distance sensor (" + p.SteeringPerMille.Length + ")");
            for (int i = 0; i < p.FrontPerMille.Length; i++)
                if (p.FrontPerMille[i] < 0 || p.FrontPerMille[i] > 10000)
                    throw new ModelException(where + "FrontPerMille[" + i + "] = " + p.FrontPerMille[i] + " must be in 0..10000");
            if (p.BlockedTurnQ16 < 0 || p.BlockedTurnQ16 > 64 * FixedPoint.OneQ16) throw new ModelException(where + "BlockedTurnQ16 must be in 0..64.0");
            if (p.ProximityFullScale <= 0 || p.ProximityFullScale > 1000000) throw new ModelException(where + "ProximityFullScale must be in 1..1000000");
            if (p.BumpChannel < -1) throw new ModelException(where + "BumpChannel must be a channel or -1");
            if (p.OdometryChannel < -1) throw new ModelException(where + "OdometryChannel must be a channel or -1");
            if (p.PeriodTicks < 1 || p.PeriodTicks > 100000) throw new ModelException(where + "PeriodTicks must be in 1..100000");
            if (p.TurnFullScaleCounts <= 0) throw new ModelException(where + "TurnFullScaleCounts must be positive");
            if (p.ProgressFullScaleCounts <= 0) throw new ModelException(where + "ProgressFullScaleCounts must be positive");
            if (p.TurnGainQ16 < 0 || p.TurnGainQ16 > 64 * FixedPoint.OneQ16) throw new ModelException(where + "TurnGainQ16 must be in 0..64.0");
            if (p.BumpGainQ16 < 0 || p.BumpGainQ16 > 64 * FixedPoint.OneQ16) throw new ModelException(where + "BumpGainQ16 must be in 0..64.0");
            if (p.RewardScaleQ16 < 0 || p.RewardScaleQ16 > 64 * FixedPoint.OneQ16) throw new ModelException(where + "RewardScaleQ16 must be in 0..64.0");
            if (p.RewardLimitQ16 < 0 || p.RewardLimitQ16 > Limit) throw new ModelException(where + "RewardLimitQ16 must be in 0..2^30");
            if (p.CollisionPenaltyQ16 < 0 || p.CollisionPenaltyQ16 > 64 * FixedPoint.OneQ16) throw new ModelException(where + "CollisionPenaltyQ16 must be in 0..64.0");
            Parameters = p;
            _steer = p.SteeringPerMille;
            _front = p.FrontPerMille;
            int highest = p.ProximityChannel + _steer.Length - 1;
            if (p.BumpChannel > highest) highest = p.BumpChannel;
            if (p.OdometryChannel + 1 > highest) highest = p.OdometryChannel + 1;
            ChannelsRead = highest + 1;
        }

        /// <summary>The parameters (a private copy).</summary>
        public readonly AvoidanceRewardParameters Parameters;

        /// <summary>Samples the signal reads: the highest channel it uses plus one.</summary>
        public readonly int ChannelsRead;

        /// <summary>Steering demand of the latest completed step, Q16.</summary>
        public int DemandQ16;

        /// <summary>Blockage ahead in the latest completed step, Q16.</summary>
        public int BlockedQ16;

        /// <summary>Measured turn of the latest completed step, Q16 (+ = right).</summary>
        public int TurnQ16;

        /// <summary>Fraction of the latest completed step in contact, Q16.</summary>
        public int BumpQ16;

        /// <summary>The task's objective over the latest completed step, Q16: forward progress (1.0 = full-scale speed) minus the collision penalty.</summary>
        public int ScoreQ16;

        /// <summary>The reward of the latest completed step, Q16 (also delivered as <see cref="LearningSignal.RewardQ16"/> in the step's last tick).</summary>
        public int LastRewardQ16;

        /// <summary>Control steps completed since build or reset.</summary>
        public long Steps;

        /// <inheritdoc/>
        public override void Evaluate(int[] samples, int[] previousCommandsPercent, long tick)
        {
            AvoidanceRewardParameters p = Parameters;
            int[] steer = _steer;
            int first = p.ProximityChannel;
            long s = 0;
            for (int i = 0; i < steer.Length; i++) s += (long)steer[i] * samples[first + i];
            _steerSum += s;
            int[] front = _front;
            long f = 0;
            for (int i = 0; i < front.Length; i++) f += (long)front[i] * samples[first + i];
            _frontSum += f;
            if (p.OdometryChannel >= 0)
            {
                long left = samples[p.OdometryChannel];
                long right = samples[p.OdometryChannel + 1];
                _turnSum += left - right;
                _progressSum += left + right;
            }
            if (p.BumpChannel >= 0 && samples[p.BumpChannel] != 0) _bumpTicks++;
            RewardQ16 = 0;
            if (++_ticks < p.PeriodTicks) return;

            int period = p.PeriodTicks;
            // Σ steer(per mille)·proximity over the step → mean demand in Q16.
            long scale = (long)period * p.ProximityFullScale * 1000;
            long demand = Clamp((_steerSum << 16) / scale);
            long blocked = Clamp((_frontSum << 16) / scale);
            long turn = Clamp((_turnSum << 16) / p.TurnFullScaleCounts);
            long bump = ((long)_bumpTicks << 16) / period;
            long push = (blocked * p.BlockedTurnQ16) >> 16;
            long wanted = demand > 0 ? demand + push : (demand < 0 ? demand - push : 0);
            wanted = Clamp(wanted + ((((wanted * p.BumpGainQ16) >> 16) * bump) >> 16));
            long error = Clamp(wanted - ((turn * p.TurnGainQ16) >> 16));
            // error·scale is Q32. Rounding it to Q16 would drop every reward below half an LSB (a
            // dead band that grows as the scale, i.e. the learning rate, shrinks), so the part not
            // delivered is carried to the next step: the rewards sum to the exact total.
            long exact = error * p.RewardScaleQ16 + _carryQ32;
            long reward = (exact + 32768) >> 16;
            if (reward > p.RewardLimitQ16) reward = p.RewardLimitQ16; else if (reward < -p.RewardLimitQ16) reward = -p.RewardLimitQ16;
            _carryQ32 = exact - (reward << 16);
            if (_carryQ32 > 32768 || _carryQ32 < -32768) _carryQ32 = 0; // clipped by the limit: nothing to carry
            long progress = (_progressSum << 15) / p.ProgressFullScaleCounts; // (left + right)/2 per step, Q16
            long score = Clamp(progress - ((bump * p.CollisionPenaltyQ16) >> 16));

            DemandQ16 = (int)demand;
            BlockedQ16 = (int)blocked;
            TurnQ16 = (int)turn;
            BumpQ16 = (int)bump;
            ScoreQ16 = (int)score;
            LastRewardQ16 = (int)reward;
            RewardQ16 = (int)reward;
            Steps++;
            ClearStep();
        }

        private static long Clamp(long x)
        {
            return x > Limit ? Limit : (x < -Limit ? -Limit : x);
        }

        // Starts a new control step: the sums over the step begin again.
        private void ClearStep()
        {
            _steerSum = 0;
            _frontSum = 0;
            _turnSum = 0;
            _progressSum = 0;
            _bumpTicks = 0;
            _ticks = 0;
        }

        /// <inheritdoc/>
        public override void Reset()
        {
            ClearStep();
            _carryQ32 = 0;
            RewardQ16 = 0;
            DemandQ16 = 0;
            BlockedQ16 = 0;
            TurnQ16 = 0;
            BumpQ16 = 0;
            ScoreQ16 = 0;
            LastRewardQ16 = 0;
            Steps = 0;
        }
    }
}
