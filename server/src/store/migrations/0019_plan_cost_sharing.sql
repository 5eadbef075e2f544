-- What an ID card must tell a member about their plan: the deductible and the out-of-pocket maximum,
-- for one person and for a family, in network and out of it (cents). A plan set up before this has
-- none on record, and nothing is invented for it: its eight columns stay NULL until the plan sets them,
-- and a plan holds all eight or none.
ALTER TABLE plans
  ADD COLUMN in_network_deductible_individual bigint,
  ADD COLUMN in_network_deductible_family bigint,
  ADD COLUMN in_network_oop_max_individual bigint,
  ADD COLUMN in_network_oop_max_family bigint,
  ADD COLUMN out_of_network_deductible_individual bigint,
  ADD COLUMN out_of_network_deductible_family bigint,
  ADD COLUMN out_of_network_oop_max_individual bigint,
  ADD COLUMN out_of_network_oop_max_family bigint,
  ADD CONSTRAINT plans_cost_sharing_all_or_none CHECK (
    num_nulls(in_network_deductible_individual, in_network_deductible_family, in_network_oop_max_individual, in_network_oop_max_family,
      out_of_network_deductible_individual, out_of_network_deductible_family, out_of_network_oop_max_individual, out_of_network_oop_max_family) IN (0, 8)
  ),
  ADD CONSTRAINT plans_cost_sharing_amounts CHECK (
    in_network_deductible_individual >= 0 AND out_of_network_deductible_individual >= 0
    AND in_network_deductible_family >= in_network_deductible_individual
    AND in_network_oop_max_family >= in_network_oop_max_individual
    AND out_of_network_deductible_family >= out_of_network_deductible_individual
    AND out_of_network_oop_max_family >= out_of_network_oop_max_individual
    AND in_network_oop_max_individual >= in_network_deductible_individual
    AND in_network_oop_max_family >= in_network_deductible_family
    AND out_of_network_oop_max_individual >= out_of_network_deductible_individual
    AND out_of_network_oop_max_family >= out_of_network_deductible_family
  );
