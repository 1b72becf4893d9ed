/* SPDX-License-Identifier: MIT */
/* The standard drivers of each force, after Porter (1979, 2008), as one
 * table. Each question is worded so that the more the answer is "yes", the
 * stronger the force: a full yes rates 5, a clear no rates 1. Keys are part
 * of the document format and never change; titles and questions may be
 * reworded. docs/methodology.md reproduces this table. */
#include "forces_impl.h"

#define NE SMB_FORCE_NEW_ENTRANTS
#define SP SMB_FORCE_SUPPLIER_POWER
#define BP SMB_FORCE_BUYER_POWER
#define SU SMB_FORCE_SUBSTITUTES
#define RI SMB_FORCE_RIVALRY

const smb__catalog_driver smb__forces_catalog[] = {
    /* Entry barriers: each is rated by how little it holds a newcomer back. */
    {NE, "economies_of_scale", "Supply-side economies of scale",
     "Can a newcomer reach the incumbents' unit costs without matching their volume?"},
    {NE, "network_effects", "Demand-side benefits of scale (network effects)",
     "Would buyers choose a newcomer even though few others use it yet?"},
    {NE, "switching_costs", "Customer switching costs",
     "Can customers move to a newcomer at little cost or effort?"},
    {NE, "capital_requirements", "Capital requirements",
     "Can a newcomer enter with little capital at risk?"},
    {NE, "incumbency_advantages", "Incumbency advantages independent of size",
     "Can a newcomer match what the incumbents' head start gives them (know-how, sites, inputs, experience)?"},
    {NE, "channel_access", "Unequal access to distribution channels",
     "Can a newcomer get its offer onto the channels that buyers use?"},
    {NE, "government_policy", "Restrictive government policy",
     "Can a newcomer enter without licences, permits or rules holding it back?"},
    {NE, "retaliation", "Expected retaliation",
     "Would a newcomer expect the incumbents to let it in without a fight?"},
    {NE, "brand_loyalty", "Brand loyalty",
     "Are buyers ready to try an unfamiliar brand?"},

    {SP, "supplier_concentration", "Supplier concentration",
     "Are the suppliers fewer and more concentrated than the firms that buy from them?"},
    {SP, "industry_importance", "Industry's importance to suppliers",
     "Do suppliers earn little of their revenue from this industry?"},
    {SP, "switching_costs", "Switching costs to change supplier",
     "Would changing supplier cost the industry much money or disruption?"},
    {SP, "differentiated_inputs", "Differentiated inputs",
     "Do the suppliers' offerings differ from one another in ways that matter?"},
    {SP, "input_substitutes", "Lack of substitutes for the input",
     "Is there nothing else that could replace what the suppliers provide?"},
    {SP, "forward_integration", "Threat of forward integration",
     "Could suppliers credibly enter the industry themselves?"},

    {BP, "buyer_concentration", "Buyer concentration and volume",
     "Do a few buyers, or buyers of large volumes, account for much of the industry's sales?"},
    {BP, "standardisation", "Product standardisation",
     "Are the industry's products standard, so that buyers can always find an equivalent?"},
    {BP, "switching_costs", "Buyer switching costs",
     "Can buyers change vendor at little cost or effort?"},
    {BP, "backward_integration", "Threat of backward integration",
     "Could buyers credibly make the product, or do the service, themselves?"},
    {BP, "price_sensitivity", "Price sensitivity",
     "Is the purchase a large or squeezed part of the buyers' budgets, so that they press on price?"},
    {BP, "buyer_information", "Buyer information",
     "Do buyers know the prices, costs and alternatives well?"},

    {SU, "price_performance", "Price-performance of substitutes",
     "Does another kind of product meet the same need at an attractive price for what it does?"},
    {SU, "switching_costs", "Buyer switching cost to substitutes",
     "Can buyers turn to a substitute at little cost or effort?"},
    {SU, "buyer_propensity", "Buyer propensity to substitute",
     "Are buyers willing to try the substitutes?"},

    {RI, "number_and_balance", "Number and balance of competitors",
     "Are the competitors numerous, or close to one another in size and power?"},
    {RI, "industry_growth", "Industry growth rate",
     "Is the industry growing slowly, so that a firm grows only by taking rivals' share?"},
    {RI, "fixed_costs", "Fixed and storage costs",
     "Are fixed costs high, or the product perishable or costly to store, so that firms cut prices to fill capacity?"},
    {RI, "differentiation", "Product differentiation",
     "Are the rivals' offers hard to tell apart, so that buyers choose on price?"},
    {RI, "exit_barriers", "Exit barriers",
     "Do specialised assets, commitments or attachment keep firms in the industry even at poor returns?"},
    {RI, "capacity_increments", "Capacity added in large increments",
     "Must capacity be added in large steps that unsettle the balance of supply and demand?"},
    {RI, "rival_diversity", "Diversity of rivals",
     "Do rivals have different goals, origins or ways of competing, so that they clash unpredictably?"},
};

const size_t smb__forces_catalog_size = sizeof smb__forces_catalog / sizeof smb__forces_catalog[0];
