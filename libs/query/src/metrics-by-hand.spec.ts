/**
 * Every metric of the registry against values worked out by hand (DESIGN §4): ratio of sums,
 * weighted averages over present values, null on zero/null denominators, money exact to the cent.
 */
import { metricRegistry } from '@creator-ops/metrics';
import type { ExportKind } from '@creator-ops/schemas';
import { runQuery } from './engine';
import type { QuerySpec, TableSet } from './types';
import { buildTable, buildTables, type PlainRow } from './testing/table-builder';

// ---------------------------------------------------------------------------------------------
// Fixtures (sums worked out in the comments)
// ---------------------------------------------------------------------------------------------

// Ad report, two plans on two days.
//   impressions 1000 + 500 = 1500      clicks 30 + 15 = 45        cost 10.01 + 2.33 = 12.34
//   conversions 6 + 4 = 10             orders 2 + 3 = 5           gmv 20.00 + 10.85 = 30.85
//   plays 800 + 200 = 1000             new_followers 5 + 1 = 6
//   net_gmv 18.00 + 10.85 = 28.85      net_orders 1 + 3 = 4
const AD: PlainRow[] = [
  {
    date: '2026-10-01',
    plan_id: 'P1',
    plan: '计划A',
    impressions: 1000,
    clicks: 30,
    cost: 10.01,
    conversions: 6,
    orders: 2,
    gmv: 20.0,
    plays: 800,
    new_followers: 5,
    net_gmv: 18.0,
    net_orders: 1,
  },
  {
    date: '2026-10-02',
    plan_id: 'P2',
    plan: '计划B',
    impressions: 500,
    clicks: 15,
    cost: 2.33,
    conversions: 4,
    orders: 3,
    gmv: 10.85,
    plays: 200,
    new_followers: 1,
    net_gmv: 10.85,
    net_orders: 3,
  },
];

// Account daily stats, three days. Likes and follower_net are signed daily deltas (day 2 is negative).
//   plays 1000 + 2000 + 1000 = 4000      profile_visits 50 + 100 + 50 = 200
//   follower_gain 20 + 10 + 30 = 60      unfollows 5 + 30 + 0 = 35      follower_net 15 - 20 + 30 = 25
//   likes 40 - 3 + 63 = 100              comments 10 + 4 + 6 = 20
//   shares 5 + 2 + 3 = 10                favorites 5 + 1 + 4 = 10
const ACCOUNT: PlainRow[] = [
  {
    date: '2026-10-01',
    account: '账号A',
    plays: 1000,
    profile_visits: 50,
    follower_gain: 20,
    unfollows: 5,
    follower_net: 15,
    likes: 40,
    comments: 10,
    shares: 5,
    favorites: 5,
  },
  {
    date: '2026-10-02',
    account: '账号A',
    plays: 2000,
    profile_visits: 100,
    follower_gain: 10,
    unfollows: 30,
    follower_net: -20,
    likes: -3,
    comments: 4,
    shares: 2,
    favorites: 1,
  },
  {
    date: '2026-10-03',
    account: '账号A',
    plays: 1000,
    profile_visits: 50,
    follower_gain: 30,
    unfollows: 0,
    follower_net: 30,
    likes: 63,
    comments: 6,
    shares: 3,
    favorites: 4,
  },
];

// Per-work stats: two videos and one 图文 post without completion rate / watch time.
//   completion_rate = (0.30 × 1000 + 0.10 × 3000) / (1000 + 3000) = 600 / 4000 = 0.15
//     (the 图文 row adds neither value nor weight; counting its 2000 plays would give 600/6000 = 0.10,
//      and the plain mean of the present values would be 0.20)
//   avg_watch_seconds = (10 × 1000 + 20 × 3000) / 4000 = 70000 / 4000 = 17.5
const CONTENT: PlainRow[] = [
  {
    account: '账号A',
    content_id: 'W1',
    title: '视频一',
    published_at: '2026-10-01 10:00:00',
    format: '视频',
    plays: 1000,
    completion_rate: 0.3,
    avg_watch_seconds: 10,
    likes: 10,
    comments: 1,
    shares: 1,
    favorites: 2,
    follower_gain: 3,
    profile_visits: 30,
  },
  {
    account: '账号A',
    content_id: 'W2',
    title: '视频二',
    published_at: '2026-10-02 18:30:00',
    format: '视频',
    plays: 3000,
    completion_rate: 0.1,
    avg_watch_seconds: 20,
    likes: 50,
    comments: 5,
    shares: 4,
    favorites: 6,
    follower_gain: 12,
    profile_visits: 90,
  },
  {
    account: '账号A',
    content_id: 'W3',
    title: '图文三',
    published_at: '2026-10-03 08:00:00',
    format: '图文',
    plays: 2000,
    completion_rate: null,
    avg_watch_seconds: null,
    likes: 40,
    comments: 4,
    shares: 5,
    favorites: 12,
    follower_gain: 5,
    profile_visits: 80,
  },
];

// Shop orders (one row per 子订单).
//   paid items (with a payment time; I5 待支付 and I6 已关闭 never paid): I1 I2 I3 I4
//   gmv = 100.00 + 50.50 + 29.99 + 19.51 = 200.00
//   paid_orders = |{O1, O2, O3}| = 3       buyers = |{B1, B2}| = 2 (B1 bought twice)
//   units = 2 + 1 + 1 + 3 = 7              items = 6 rows           discount_total (paid) = 5.00 + 0 + 1.01 + 0.99 = 7.00
//   refund_amount (column) = 30.00 (partial refund of I2) + 0 (I4) = 30.00
//   refund_amount (no column) = payable of 退款成功 items = I2 50.50
//   refund_orders = paid orders with a refunded item = |{O1}| = 1
const ORDERS: PlainRow[] = [
  {
    order_item_id: 'I1',
    order_id: 'O1',
    buyer_id: 'B1',
    product_id: 'SKU-A',
    province: '广东',
    status: '已完成',
    payable_amount: 100.0,
    quantity: 2,
    discount_total: 5.0,
    paid_at: '2026-10-01 10:00:00',
    after_sale_status: null,
    refund_amount: null,
  },
  {
    order_item_id: 'I2',
    order_id: 'O1',
    buyer_id: 'B1',
    product_id: 'SKU-B',
    province: '广东',
    status: '已完成',
    payable_amount: 50.5,
    quantity: 1,
    discount_total: 0,
    paid_at: '2026-10-01 10:00:00',
    after_sale_status: '退款成功',
    refund_amount: 30.0,
  },
  {
    order_item_id: 'I3',
    order_id: 'O2',
    buyer_id: 'B2',
    product_id: 'SKU-A',
    province: '浙江',
    status: '已发货',
    payable_amount: 29.99,
    quantity: 1,
    discount_total: 1.01,
    paid_at: '2026-10-02 09:30:00',
    after_sale_status: null,
    refund_amount: null,
  },
  {
    order_item_id: 'I4',
    order_id: 'O3',
    buyer_id: 'B1',
    product_id: 'SKU-A',
    province: '广东',
    status: '已完成',
    payable_amount: 19.51,
    quantity: 3,
    discount_total: 0.99,
    paid_at: '2026-10-02 21:00:00',
    after_sale_status: '售后关闭',
    refund_amount: 0,
  },
  {
    order_item_id: 'I5',
    order_id: 'O4',
    buyer_id: 'B3',
    product_id: 'SKU-B',
    province: '浙江',
    status: '待支付',
    payable_amount: 999.0,
    quantity: 5,
    discount_total: 10.0,
    paid_at: null,
    after_sale_status: null,
    refund_amount: null,
  },
  // Closed before payment, as 抖店 exports such orders: no payment time (paid = has a payment time, DESIGN §4).
  {
    order_item_id: 'I6',
    order_id: 'O5',
    buyer_id: 'B4',
    product_id: 'SKU-A',
    province: '江苏',
    status: '已关闭',
    payable_amount: 88.0,
    quantity: 1,
    discount_total: 0,
    paid_at: null,
    after_sale_status: null,
    refund_amount: null,
  },
];
const ORDERS_NO_REFUND_COLUMN: PlainRow[] = ORDERS.map(({ refund_amount: _drop, ...rest }) => rest);

// Live sessions.
//   sessions 2          exposure_users 10000 + 5000 = 15000     viewers 2000 + 500 = 2500     views 3000 + 1000 = 4000
//   product_exposure_users 1500 + 400 = 1900    product_click_users 300 + 100 = 400
//   live_orders 50 + 10 = 60     live_buyers 40 + 10 = 50       live_gmv 5000.00 + 1000.00 = 6000.00
//   new_followers 100 + 20 = 120 ad_spend 1000.00 + 500.00 = 1500.00    refund_amount_live 200.00 + 0 = 200.00
//   duration_minutes 120 + 60 = 180
//   avg_watch_minutes = (2.5 × 2000 + 5 × 500) / 2500 = 7500 / 2500 = 3 (mean of rows would be 3.75)
const LIVE: PlainRow[] = [
  {
    account: '账号A',
    live_start: '2026-10-01 20:00:00',
    duration_minutes: 120,
    exposure_users: 10000,
    viewers: 2000,
    views: 3000,
    product_exposure_users: 1500,
    product_click_users: 300,
    live_orders: 50,
    live_buyers: 40,
    live_gmv: 5000.0,
    new_followers: 100,
    ad_spend: 1000.0,
    refund_amount_live: 200.0,
    avg_watch_minutes: 2.5,
  },
  {
    account: '账号A',
    live_start: '2026-10-02 20:00:00',
    duration_minutes: 60,
    exposure_users: 5000,
    viewers: 500,
    views: 1000,
    product_exposure_users: 400,
    product_click_users: 100,
    live_orders: 10,
    live_buyers: 10,
    live_gmv: 1000.0,
    new_followers: 20,
    ad_spend: 500.0,
    refund_amount_live: 0,
    avg_watch_minutes: 5,
  },
];

// 售后表: three requests; refunds 39.90 + 19.90 (+ none for the closed one) = 59.80
const AFTER_SALE: PlainRow[] = [
  {
    after_sale_id: 'S1',
    order_item_id: 'I2',
    after_sale_type: '仅退款',
    after_sale_status: '退款成功',
    refund_amount: 39.9,
    applied_at: '2026-10-02 10:00:00',
  },
  {
    after_sale_id: 'S2',
    order_item_id: 'I4',
    after_sale_type: '退货退款',
    after_sale_status: '退款成功',
    refund_amount: 19.9,
    applied_at: '2026-10-03 10:00:00',
  },
  {
    after_sale_id: 'S3',
    order_item_id: 'I1',
    after_sale_type: '仅退款',
    after_sale_status: '售后关闭',
    refund_amount: null,
    applied_at: '2026-10-03 11:00:00',
  },
];

// 结算账单: settled 95.31 + 28.41 = 123.72; commission -14.00 + 0 = -14.00; service fees -5.49 - 1.49 = -6.98
const SETTLEMENT: PlainRow[] = [
  { order_item_id: 'I1', settled_at: '2026-10-15 02:00:00', settlement_amount: 95.31, commission: -14, service_fee: -5.49 },
  { order_item_id: 'I3', settled_at: '2026-10-16 02:00:00', settlement_amount: 28.41, commission: 0, service_fee: -1.49 },
];

// Product reviews (issue 17). Scores: 5, 4, 3, 2, 1, null (no product score).
//   reviews 6; scored 5; good (4–5) 2; neutral 1; bad (1–2) 2; five-star 1; with media 2 (是, 是)
//   product score 5+4+3+2+1 = 15 over 5 = 3; logistics 5+4+2 = 11 over 3 (two '-'); service 5+5+4+1+3+2 = 20 over 6
const REVIEWS: PlainRow[] = [
  { order_item_id: 'R1', reviewed_at: '2026-10-01 10:00:00', product_score: 5, logistics_score: 5, service_score: 5, has_media: '是' },
  { order_item_id: 'R2', reviewed_at: '2026-10-01 11:00:00', product_score: 4, logistics_score: null, service_score: 5, has_media: '否' },
  { order_item_id: 'R3', reviewed_at: '2026-10-02 10:00:00', product_score: 3, logistics_score: 4, service_score: 4, has_media: '否' },
  { order_item_id: 'R4', reviewed_at: '2026-10-02 11:00:00', product_score: 2, logistics_score: null, service_score: 1, has_media: '是' },
  { order_item_id: 'R5', reviewed_at: '2026-10-03 10:00:00', product_score: 1, logistics_score: 2, service_score: 3, has_media: null },
  { order_item_id: 'R6', reviewed_at: '2026-10-03 11:00:00', product_score: null, logistics_score: null, service_score: 2, has_media: '否' },
];

// Stock snapshot (no date) and ledger (issue 17).
//   SKUs 3; available 100 + 0 + 50 = 150; reserved 3 + 0 + 2 = 5; in transit 20 + null + 0 = 20
//   out of stock (available ≤ 0) 1; opening 80 + 10 + 40 = 130; counted 99 + 0 + 50 = 149
//   ledger: in 40 + 10 = 50; out 20 + 10 = 30 (调拨 5 neither); 盘点 −1; movements 5; net in 50 − 30 = 20
//   sell-through 30 / (30 + 150) = 1/6; days of stock over 10 days: 150 / (30 / 10) = 50
const STOCK: PlainRow[] = [
  { merchant_sku: 'S1', available_qty: 100, reserved_qty: 3, in_transit_qty: 20, opening_qty: 80, counted_qty: 99 },
  { merchant_sku: 'S2', available_qty: 0, reserved_qty: 0, in_transit_qty: null, opening_qty: 10, counted_qty: 0 },
  { merchant_sku: 'S3', available_qty: 50, reserved_qty: 2, in_transit_qty: 0, opening_qty: 40, counted_qty: 50 },
];
const MOVES: PlainRow[] = [
  { doc_id: 'M1', moved_at: '2026-10-01 09:00:00', move_type: '入库', merchant_sku: 'S1', quantity: 40 },
  { doc_id: 'M2', moved_at: '2026-10-02 09:00:00', move_type: '销售出库', merchant_sku: 'S1', quantity: 20 },
  { doc_id: 'M3', moved_at: '2026-10-02 10:00:00', move_type: '采购入库', merchant_sku: 'S2', quantity: 10 },
  { doc_id: 'M4', moved_at: '2026-10-03 10:00:00', move_type: '出库', merchant_sku: 'S2', quantity: 10 },
  { doc_id: 'M5', moved_at: '2026-10-03 11:00:00', move_type: '调拨', merchant_sku: 'S3', quantity: 5 },
  { doc_id: 'M6', moved_at: '2026-10-04 18:00:00', move_type: '盘点', merchant_sku: 'S1', quantity: -1 },
];

// Survey sheets: time taken 60, null, 90 -> responses 3, timed 2, total 150 s, average 75 s.
const SURVEY: PlainRow[] = [
  { respondent_id: '1', submitted_at: '2026-11-01 10:00:00', duration_seconds: 60 },
  { respondent_id: '2', submitted_at: '2026-11-01 11:00:00', duration_seconds: null },
  { respondent_id: '3', submitted_at: '2026-11-02 10:00:00', duration_seconds: 90 },
];

// 星图 orders (issue 17): 3 orders, creator X twice.
//   cost 100.00 + 50.50 + 49.50 = 200.00; plays 10000 + 0 + 30000 = 40000
//   likes 300 + 0 + 500 = 800; comments 50 + 0 + 100 = 150; shares 50 + 0 + 0 = 50 -> interactions 1000
//   favorites 20 + 0 + 80 = 100; component impressions 1000 + null + 3000 = 4000, clicks 40 + 60 = 100
//   gmv 300.00 + null + 100.00 = 400.00; boost 100.00 + 0 + null = 100.00; conversions 3 + null + 2 = 5
//   completion (0.2 × 10000 + 0.1 × 30000) / 40000 = 0.125 (the middle order has no value and no plays)
const XINGTU: PlainRow[] = [
  {
    xt_order_id: 'X1',
    creator_name: 'X',
    published_at: '2026-10-01 10:00:00',
    order_amount: 100.0,
    plays: 10000,
    likes: 300,
    comments: 50,
    shares: 50,
    favorites: 20,
    completion_rate: 0.2,
    component_impressions: 1000,
    component_clicks: 40,
    xt_gmv: 300.0,
    boost_cost: 100.0,
    xt_conversions: 3,
  },
  {
    xt_order_id: 'X2',
    creator_name: 'Y',
    published_at: '2026-10-02 10:00:00',
    order_amount: 50.5,
    plays: 0,
    likes: 0,
    comments: 0,
    shares: 0,
    favorites: 0,
    completion_rate: null,
    component_impressions: null,
    component_clicks: null,
    xt_gmv: null,
    boost_cost: 0,
    xt_conversions: null,
  },
  {
    xt_order_id: 'X3',
    creator_name: 'X',
    published_at: '2026-10-03 10:00:00',
    order_amount: 49.5,
    plays: 30000,
    likes: 500,
    comments: 100,
    shares: 0,
    favorites: 80,
    completion_rate: 0.1,
    component_impressions: 3000,
    component_clicks: 60,
    xt_gmv: 100.0,
    boost_cost: null,
    xt_conversions: 2,
  },
];

type Fixture =
  | 'xingtu'
  | 'survey'
  | 'ad'
  | 'account'
  | 'content'
  | 'order'
  | 'order_no_refund'
  | 'live'
  | 'order+account'
  | 'ad+order'
  | 'after_sale'
  | 'settlement'
  | 'review'
  | 'stock'
  | 'stock_move'
  | 'stock+move';
const FIXTURES: Record<Fixture, () => TableSet> = {
  ad: () => buildTables({ ad: AD }),
  account: () => buildTables({ account: ACCOUNT }),
  content: () => buildTables({ content: CONTENT }),
  order: () => buildTables({ order: ORDERS }),
  order_no_refund: () => buildTables({ order: ORDERS_NO_REFUND_COLUMN }),
  live: () => buildTables({ live: LIVE }),
  'order+account': () => buildTables({ order: ORDERS, account: ACCOUNT }),
  'ad+order': () => buildTables({ ad: AD, order: ORDERS }),
  after_sale: () => buildTables({ after_sale: AFTER_SALE }),
  settlement: () => buildTables({ settlement: SETTLEMENT }),
  review: () => buildTables({ review: REVIEWS }),
  survey: () => buildTables({ survey: SURVEY }),
  xingtu: () => buildTables({ xingtu: XINGTU }),
  stock: () => buildTables({ stock: STOCK }),
  stock_move: () => buildTables({ stock_move: MOVES }),
  'stock+move': () => buildTables({ stock: STOCK, stock_move: MOVES }),
};

interface HandCase {
  data: Fixture;
  /** The total worked out by hand. */
  expected: number | null;
  params?: Record<string, number>;
  /** Kinds the figure must come from. */
  kinds?: ExportKind[];
}

// ---------------------------------------------------------------------------------------------
// One hand-worked total per metric key. Every key of the registry must be here.
// ---------------------------------------------------------------------------------------------
const CASES: Record<string, HandCase> = {
  // ad sums
  impressions: { data: 'ad', expected: 1500 },
  clicks: { data: 'ad', expected: 45 },
  cost: { data: 'ad', expected: 12.34 },
  conversions: { data: 'ad', expected: 10 },
  ad_orders: { data: 'ad', expected: 5 },
  ad_gmv: { data: 'ad', expected: 30.85 },
  ad_plays: { data: 'ad', expected: 1000 },
  ad_new_followers: { data: 'ad', expected: 6 },
  // ad ratios
  ctr: { data: 'ad', expected: 0.03 }, // 45 / 1500
  cvr: { data: 'ad', expected: 10 / 45 }, // 0.2222…
  order_cvr: { data: 'ad', expected: 5 / 45 }, // 0.1111…
  cpc: { data: 'ad', expected: 12.34 / 45 }, // 0.27422… yuan
  cpm: { data: 'ad', expected: (12.34 / 1500) * 1000 }, // 8.22666… yuan
  cpa: { data: 'ad', expected: 1.234 }, // 12.34 / 10
  cost_per_order: { data: 'ad', expected: 2.468 }, // 12.34 / 5
  roi: { data: 'ad', expected: 2.5 }, // 30.85 / 12.34
  profit_roi: { data: 'ad', expected: 1.5 }, // (30.85 - 12.34) / 12.34 = 18.51 / 12.34
  breakeven_roi: { data: 'ad', expected: 2.5, params: { gross_margin: 0.4 } }, // 1 / 0.4
  roi_vs_breakeven: { data: 'ad', expected: 0.5, params: { gross_margin: 0.5 } }, // 2.5 - 1 / 0.5
  margin_profit_roi: { data: 'ad', expected: 0.25, params: { gross_margin: 0.5 } }, // (30.85 × 0.5 − 12.34) / 12.34 = 3.085 / 12.34
  // account sums (account daily stats preferred over per-work stats)
  plays: { data: 'account', expected: 4000, kinds: ['account'] },
  likes: { data: 'account', expected: 100, kinds: ['account'] },
  comments: { data: 'account', expected: 20 },
  shares: { data: 'account', expected: 10 },
  favorites: { data: 'account', expected: 10 },
  profile_visits: { data: 'account', expected: 200 },
  follower_gain: { data: 'account', expected: 60 },
  follower_net: { data: 'account', expected: 25 }, // 15 - 20 + 30
  unfollows: { data: 'account', expected: 35 },
  interactions: { data: 'account', expected: 140 }, // 100 + 20 + 10 + 10
  engagement_rate: { data: 'account', expected: 0.035 }, // 140 / 4000
  follower_conversion_rate: { data: 'account', expected: 0.015 }, // 60 / 4000
  profile_follow_rate: { data: 'account', expected: 0.3 }, // 60 / 200
  like_rate: { data: 'account', expected: 0.025 }, // 100 / 4000
  // per-work metrics
  works: { data: 'content', expected: 3 },
  completion_rate: { data: 'content', expected: 0.15 },
  avg_watch_seconds: { data: 'content', expected: 17.5 },
  // orders
  items: { data: 'order', expected: 6 },
  gmv: { data: 'order', expected: 200 },
  paid_orders: { data: 'order', expected: 3 },
  buyers: { data: 'order', expected: 2 },
  units: { data: 'order', expected: 7 },
  aov: { data: 'order', expected: 100 }, // 200 / 2
  avg_order_value: { data: 'order', expected: 200 / 3 }, // 66.666…
  refund_amount: { data: 'order', expected: 30 },
  net_gmv: { data: 'order', expected: 170 }, // 200.00 − 30.00: the RFM M
  refund_orders: { data: 'order', expected: 1 },
  refund_rate: { data: 'order', expected: 0.15 }, // 30 / 200
  refund_order_rate: { data: 'order', expected: 1 / 3 },
  discount_total: { data: 'order', expected: 7 },
  // live
  sessions: { data: 'live', expected: 2 },
  live_gmv: { data: 'live', expected: 6000 },
  viewers: { data: 'live', expected: 2500 },
  views: { data: 'live', expected: 4000 },
  exposure_users: { data: 'live', expected: 15000 },
  product_exposure_users: { data: 'live', expected: 1900 },
  product_click_users: { data: 'live', expected: 400 },
  live_orders: { data: 'live', expected: 60 },
  live_buyers: { data: 'live', expected: 50 },
  live_new_followers: { data: 'live', expected: 120 },
  ad_spend: { data: 'live', expected: 1500 },
  live_refund_amount: { data: 'live', expected: 200 },
  live_minutes: { data: 'live', expected: 180 },
  entry_rate: { data: 'live', expected: 2500 / 15000 }, // 1/6
  product_ctr: { data: 'live', expected: 400 / 1900 },
  watch_to_buy_rate: { data: 'live', expected: 0.02 }, // 50 / 2500
  click_to_buy_rate: { data: 'live', expected: 0.125 }, // 50 / 400
  live_gpm: { data: 'live', expected: 1500 }, // 6000 / 4000 × 1000
  uv_value: { data: 'live', expected: 2.4 }, // 6000 / 2500
  live_aov: { data: 'live', expected: 120 }, // 6000 / 50
  follow_rate: { data: 'live', expected: 0.048 }, // 120 / 2500
  live_roi: { data: 'live', expected: 4 }, // 6000 / 1500
  avg_watch_minutes: { data: 'live', expected: 3 },
  ad_net_gmv: { data: 'ad', expected: 28.85 },
  ad_net_orders: { data: 'ad', expected: 4 },
  net_roi: { data: 'ad', expected: 28.85 / 12.34 },
  // 售后表 and 结算账单
  after_sales: { data: 'after_sale', expected: 3 },
  after_sale_refund_amount: { data: 'after_sale', expected: 59.8 },
  settlement_amount: { data: 'settlement', expected: 123.72 },
  settlement_commission: { data: 'settlement', expected: -14 },
  settlement_service_fee: { data: 'settlement', expected: -6.98 },
  // cross-kind
  gpm: { data: 'order+account', expected: 50, kinds: ['order', 'account'] }, // 200 / 4000 × 1000
  ad_gmv_share: { data: 'ad+order', expected: 0.15425, kinds: ['ad', 'order'] }, // 30.85 / 200
  // reviews
  reviews: { data: 'review', expected: 6 },
  scored_reviews: { data: 'review', expected: 5 },
  good_reviews: { data: 'review', expected: 2 },
  neutral_reviews: { data: 'review', expected: 1 },
  bad_reviews: { data: 'review', expected: 2 },
  five_star_reviews: { data: 'review', expected: 1 },
  media_reviews: { data: 'review', expected: 2 },
  logistics_scored_reviews: { data: 'review', expected: 3 },
  service_scored_reviews: { data: 'review', expected: 6 },
  product_score_total: { data: 'review', expected: 15 },
  logistics_score_total: { data: 'review', expected: 11 },
  service_score_total: { data: 'review', expected: 20 },
  good_review_rate: { data: 'review', expected: 0.4 }, // 2 / 5 (the unscored review is not in the base)
  bad_review_rate: { data: 'review', expected: 0.4 },
  five_star_rate: { data: 'review', expected: 0.2 },
  media_review_rate: { data: 'review', expected: 1 / 3 }, // 2 / 6
  avg_product_score: { data: 'review', expected: 3 },
  avg_logistics_score: { data: 'review', expected: 11 / 3 },
  avg_service_score: { data: 'review', expected: 20 / 6 },
  // competitor comparison: content plays 1000 + 3000 + 2000 = 6000 over 3 works
  avg_plays_per_work: { data: 'content', expected: 2000 },
  // 星图
  xt_orders: { data: 'xingtu', expected: 3 },
  xt_creators: { data: 'xingtu', expected: 2 },
  xt_cost: { data: 'xingtu', expected: 200 },
  xt_plays: { data: 'xingtu', expected: 40000 },
  xt_likes: { data: 'xingtu', expected: 800 },
  xt_comments: { data: 'xingtu', expected: 150 },
  xt_shares: { data: 'xingtu', expected: 50 },
  xt_favorites: { data: 'xingtu', expected: 100 },
  xt_component_impressions: { data: 'xingtu', expected: 4000 },
  xt_component_clicks: { data: 'xingtu', expected: 100 },
  xt_conversions: { data: 'xingtu', expected: 5 },
  xt_gmv: { data: 'xingtu', expected: 400 },
  xt_boost_cost: { data: 'xingtu', expected: 100 },
  xt_interactions: { data: 'xingtu', expected: 1000 },
  xt_cpm: { data: 'xingtu', expected: 5 }, // 200 / 40000 × 1000
  xt_cpe: { data: 'xingtu', expected: 0.2 }, // 200 / 1000 (favorites not counted)
  xt_cost_per_play: { data: 'xingtu', expected: 0.005 },
  xt_engagement_rate: { data: 'xingtu', expected: 0.025 }, // 1000 / 40000
  xt_component_ctr: { data: 'xingtu', expected: 0.025 }, // 100 / 4000
  xt_roi: { data: 'xingtu', expected: 2 }, // 400 / 200
  xt_total_roi: { data: 'xingtu', expected: 400 / 300 },
  xt_completion_rate: { data: 'xingtu', expected: 0.125 },
  // survey
  responses: { data: 'survey', expected: 3 },
  timed_responses: { data: 'survey', expected: 2 },
  survey_seconds: { data: 'survey', expected: 150 },
  avg_survey_seconds: { data: 'survey', expected: 75 },
  // stock
  stock_skus: { data: 'stock', expected: 3 },
  out_of_stock_skus: { data: 'stock', expected: 1 },
  out_of_stock_rate: { data: 'stock', expected: 1 / 3 },
  available_stock: { data: 'stock', expected: 150 },
  reserved_stock: { data: 'stock', expected: 5 },
  in_transit_stock: { data: 'stock', expected: 20 },
  opening_stock: { data: 'stock', expected: 130 },
  counted_stock: { data: 'stock', expected: 149 },
  stock_in: { data: 'stock_move', expected: 50 },
  stock_out: { data: 'stock_move', expected: 30 },
  count_adjustment: { data: 'stock_move', expected: -1 },
  stock_moves: { data: 'stock_move', expected: 6 },
  stock_net_in: { data: 'stock_move', expected: 20 },
  sell_through_rate: { data: 'stock+move', expected: 1 / 6, kinds: ['stock_move', 'stock'] },
  turnover_days: { data: 'stock+move', expected: 50, params: { period_days: 10 }, kinds: ['stock', 'stock_move'] },
};

/** Equal within 1e-12 relative (exact for integers and for cents held as yuan). */
function expectNear(actual: unknown, expected: number | null): void {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(typeof actual).toBe('number');
  const a = actual as number;
  expect(Number.isFinite(a)).toBe(true);
  if (Number.isInteger(expected)) {
    expect(Math.abs(a - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-12);
  } else {
    expect(Math.abs(a - expected)).toBeLessThanOrEqual(Math.max(Math.abs(expected), 1) * 1e-12);
  }
}

const q = (tables: TableSet, spec: Partial<QuerySpec> & { metrics: string[] }) => runQuery({ totals: true, ...spec }, tables);

describe('every metric of the registry has a hand-worked case', () => {
  const keys = [...metricRegistry().metrics.keys()];

  it('covers every registry key (add a case when you add a metric)', () => {
    const missing = keys.filter((k) => !(k in CASES));
    expect(missing).toEqual([]);
    const stale = Object.keys(CASES).filter((k) => !keys.includes(k));
    expect(stale).toEqual([]);
  });

  it.each(keys)('%s', (key) => {
    const c = CASES[key];
    if (!c) throw new Error(`metric ${key} has no hand-worked case`);
    const result = q(FIXTURES[c.data](), { metrics: [key], params: c.params });
    expectNear(result.totals![key], c.expected);
    // no dimension: a single row equal to the totals
    expect(result.rows).toHaveLength(1);
    expectNear(result.rows[0][key], c.expected);
    const column = result.columns.find((col) => col.key === key)!;
    if (c.kinds) expect(new Set(column.kinds)).toEqual(new Set(c.kinds));
  });
});

describe('ad metrics', () => {
  it('computes all ad ratios per plan from the plan sums', () => {
    const r = q(FIXTURES.ad(), { metrics: ['cost', 'ctr', 'cpc', 'cpm', 'roi'], dimensions: ['plan_id'], sort: [{ key: 'plan_id', dir: 'asc' }] });
    // P1: ctr 30/1000 = 0.03, cpc 10.01/30, cpm 10.01/1000*1000 = 10.01, roi 20/10.01
    // P2: ctr 15/500 = 0.03, cpc 2.33/15, cpm 2.33/500*1000 = 4.66, roi 10.85/2.33
    expect(r.rows.map((row) => row.plan_id)).toEqual(['P1', 'P2']);
    expect(r.rows[0].cost).toBe(10.01);
    expect(r.rows[1].cost).toBe(2.33);
    expectNear(r.rows[0].ctr, 0.03);
    expectNear(r.rows[1].ctr, 0.03);
    expectNear(r.rows[0].cpc, 10.01 / 30);
    expectNear(r.rows[1].cpc, 2.33 / 15);
    expectNear(r.rows[0].cpm, 10.01);
    expectNear(r.rows[1].cpm, 4.66);
    expectNear(r.rows[0].roi, 20 / 10.01);
    expectNear(r.rows[1].roi, 10.85 / 2.33);
  });

  it('break-even ROI needs gross_margin in (0, 1]', () => {
    expect(() => q(FIXTURES.ad(), { metrics: ['breakeven_roi'] })).toThrow(/gross_margin/);
    expect(() => q(FIXTURES.ad(), { metrics: ['breakeven_roi'], params: { gross_margin: 0 } })).toThrow(/between/);
    expect(() => q(FIXTURES.ad(), { metrics: ['breakeven_roi'], params: { gross_margin: 1.2 } })).toThrow(/between/);
    // 1 / 0.25 = 4; 1 / 1 = 1
    expectNear(q(FIXTURES.ad(), { metrics: ['breakeven_roi'], params: { gross_margin: 0.25 } }).totals!.breakeven_roi, 4);
    expectNear(q(FIXTURES.ad(), { metrics: ['breakeven_roi'], params: { gross_margin: 1 } }).totals!.breakeven_roi, 1);
  });

  it('gives null, never 0 / Infinity / NaN, on zero denominators', () => {
    // P0 served nothing: 0 impressions, 0 clicks, 0 cost, 0 conversions, 0 orders.
    const tables = buildTables({
      ad: [
        { date: '2026-10-01', plan_id: 'P0', impressions: 0, clicks: 0, cost: 0, conversions: 0, orders: 0, gmv: 0 },
        { date: '2026-10-01', plan_id: 'P9', impressions: 100, clicks: 0, cost: 1.5, conversions: 0, orders: 0, gmv: 0 },
      ],
    });
    const metrics = ['ctr', 'cvr', 'order_cvr', 'cpc', 'cpm', 'cpa', 'cost_per_order', 'roi', 'profit_roi', 'roi_vs_breakeven'];
    const r = q(tables, { metrics, dimensions: ['plan_id'], sort: [{ key: 'plan_id', dir: 'asc' }], params: { gross_margin: 0.5 } });
    const p0 = r.rows.find((row) => row.plan_id === 'P0')!;
    for (const m of metrics) expect(p0[m]).toBeNull();
    // P9: ctr = 0 / 100 = 0 (a real zero), cpm = 1.5 / 100 × 1000 = 15, roi = 0 / 1.5 = 0, profit_roi = (0 - 1.5) / 1.5 = -1,
    // roi - 1/0.5 = -2; everything divided by clicks / conversions / orders (all 0) is null.
    const p9 = r.rows.find((row) => row.plan_id === 'P9')!;
    expect(p9.ctr).toBe(0);
    expectNear(p9.cpm, 15);
    expect(p9.roi).toBe(0);
    expectNear(p9.profit_roi, -1);
    expectNear(p9.roi_vs_breakeven, -2);
    for (const m of ['cvr', 'order_cvr', 'cpc', 'cpa', 'cost_per_order']) expect(p9[m]).toBeNull();
    // totals: impressions 100, clicks 0, cost 1.50
    expect(r.totals!.ctr).toBe(0);
    expect(r.totals!.cpc).toBeNull();
    expectNear(r.totals!.cpm, 15);
    for (const row of [...r.rows, r.totals!]) for (const m of metrics) if (row[m] !== null) expect(Number.isFinite(row[m] as number)).toBe(true);
  });

  it('skips null cells in sums and gives null where a group has no value at all', () => {
    // '-' cells are null (never 0). P1 clicks: 10 + null = 10; P2 clicks null, null -> null, so its ctr is null.
    const tables = buildTables({
      ad: [
        { date: '2026-10-01', plan_id: 'P1', impressions: 200, clicks: 10, cost: 1 },
        { date: '2026-10-02', plan_id: 'P1', impressions: 300, clicks: null, cost: null },
        { date: '2026-10-01', plan_id: 'P2', impressions: 400, clicks: null, cost: 2 },
        { date: '2026-10-02', plan_id: 'P2', impressions: null, clicks: null, cost: 3 },
      ],
    });
    const r = q(tables, { metrics: ['impressions', 'clicks', 'cost', 'ctr', 'cpc'], dimensions: ['plan_id'], sort: [{ key: 'plan_id', dir: 'asc' }] });
    // P1: impressions 500, clicks 10, cost 1.00, ctr 10/500 = 0.02, cpc 1/10 = 0.1
    expect(r.rows[0]).toEqual({ plan_id: 'P1', impressions: 500, clicks: 10, cost: 1, ctr: 0.02, cpc: 0.1 });
    // P2: impressions 400, clicks null, cost 5.00, ctr null, cpc null
    expect(r.rows[1]).toEqual({ plan_id: 'P2', impressions: 400, clicks: null, cost: 5, ctr: null, cpc: null });
    // totals: impressions 900, clicks 10, cost 6.00; ctr 10/900, cpc 6/10 = 0.6
    expect(r.totals!.impressions).toBe(900);
    expect(r.totals!.clicks).toBe(10);
    expect(r.totals!.cost).toBe(6);
    expectNear(r.totals!.ctr, 10 / 900);
    expectNear(r.totals!.cpc, 0.6);
  });

  it('returns the ratio of sums, not the mean of row ratios', () => {
    // P1 day 1: 10 / 100 = 0.10; day 2: 9 / 900 = 0.01. Mean of ratios = 0.055.
    // Ratio of sums = (10 + 9) / (100 + 900) = 19 / 1000 = 0.019.
    // cpc: day 1 5.00 / 10 = 0.5, day 2 0.90 / 9 = 0.1, mean 0.3; ratio of sums 5.90 / 19 = 0.3105…
    const rows = [
      { date: '2026-10-01', plan_id: 'P1', impressions: 100, clicks: 10, cost: 5 },
      { date: '2026-10-02', plan_id: 'P1', impressions: 900, clicks: 9, cost: 0.9 },
    ];
    const r = q(buildTables({ ad: rows }), { metrics: ['ctr', 'cpc'], dimensions: ['plan_id'] });
    const meanOfRatios = (rows[0].clicks / rows[0].impressions + rows[1].clicks / rows[1].impressions) / 2;
    expect(meanOfRatios).toBeCloseTo(0.055, 12);
    expectNear(r.rows[0].ctr, 0.019);
    expect(Math.abs((r.rows[0].ctr as number) - meanOfRatios)).toBeGreaterThan(0.03);
    expectNear(r.rows[0].cpc, 5.9 / 19);
    expect(r.rows[0].cpc).not.toBeCloseTo(0.3, 3);
    expectNear(r.totals!.ctr, 0.019);
  });
});

describe('account and content metrics', () => {
  it('sums signed daily deltas, including negative days', () => {
    const r = q(FIXTURES.account(), { metrics: ['follower_net', 'likes', 'unfollows'], dimensions: ['date'] });
    expect(r.rows).toEqual([
      { date: '2026-10-01', follower_net: 15, likes: 40, unfollows: 5 },
      { date: '2026-10-02', follower_net: -20, likes: -3, unfollows: 30 },
      { date: '2026-10-03', follower_net: 30, likes: 63, unfollows: 0 },
    ]);
    expect(r.totals).toEqual({ follower_net: 25, likes: 100, unfollows: 35 });
  });

  it('computes engagement per day as a ratio of that day’s sums', () => {
    const r = q(FIXTURES.account(), { metrics: ['engagement_rate', 'profile_follow_rate'], dimensions: ['date'] });
    // day 1: (40 + 10 + 5 + 5) / 1000 = 0.06;  follow 20 / 50 = 0.4
    // day 2: (-3 + 4 + 2 + 1) / 2000 = 0.002;  follow 10 / 100 = 0.1
    // day 3: (63 + 6 + 3 + 4) / 1000 = 0.076;  follow 30 / 50 = 0.6
    expectNear(r.rows[0].engagement_rate, 0.06);
    expectNear(r.rows[1].engagement_rate, 0.002);
    expectNear(r.rows[2].engagement_rate, 0.076);
    expectNear(r.rows[0].profile_follow_rate, 0.4);
    expectNear(r.rows[1].profile_follow_rate, 0.1);
    expectNear(r.rows[2].profile_follow_rate, 0.6);
    // totals 140 / 4000 = 0.035 (the mean of the daily rates would be 0.046)
    expectNear(r.totals!.engagement_rate, 0.035);
    expectNear(r.totals!.profile_follow_rate, 0.3);
  });

  it('falls back to per-work stats when there is no account export', () => {
    // content: plays 1000 + 3000 + 2000 = 6000; likes 10 + 50 + 40 = 100; comments 1 + 5 + 4 = 10;
    // shares 1 + 4 + 5 = 10; favorites 2 + 6 + 12 = 20; engagement (100+10+10+20)/6000 = 140/6000
    // follower_gain 3 + 12 + 5 = 20; profile_visits 30 + 90 + 80 = 200
    const r = q(FIXTURES.content(), { metrics: ['plays', 'interactions', 'engagement_rate', 'follower_conversion_rate', 'profile_follow_rate'] });
    expect(r.totals!.plays).toBe(6000);
    expect(r.totals!.interactions).toBe(140);
    expectNear(r.totals!.engagement_rate, 140 / 6000);
    expectNear(r.totals!.follower_conversion_rate, 20 / 6000);
    expectNear(r.totals!.profile_follow_rate, 0.1);
    expect(r.columns.find((c) => c.key === 'plays')!.kinds).toEqual(['content']);
  });

  it('weights completion rate by plays over works that have one (a 图文 row adds neither value nor weight)', () => {
    const r = q(FIXTURES.content(), {
      metrics: ['completion_rate', 'avg_watch_seconds', 'works'],
      dimensions: ['format'],
      sort: [{ key: 'format', dir: 'asc' }],
    });
    const byFormat = Object.fromEntries(r.rows.map((row) => [row.format, row]));
    // 视频: (0.3 × 1000 + 0.1 × 3000) / 4000 = 0.15; watch (10 × 1000 + 20 × 3000) / 4000 = 17.5
    expectNear(byFormat['视频'].completion_rate, 0.15);
    expectNear(byFormat['视频'].avg_watch_seconds, 17.5);
    expect(byFormat['视频'].works).toBe(2);
    // 图文: no value at all -> null (not 0)
    expect(byFormat['图文'].completion_rate).toBeNull();
    expect(byFormat['图文'].avg_watch_seconds).toBeNull();
    expect(byFormat['图文'].works).toBe(1);
    expectNear(r.totals!.completion_rate, 0.15);
  });

  it('gives a weighted average of null when the weights are all zero', () => {
    const tables = buildTables({ content: [{ content_id: 'W1', published_at: '2026-10-01 10:00:00', plays: 0, completion_rate: 0.5, avg_watch_seconds: 12 }] });
    const r = q(tables, { metrics: ['completion_rate', 'avg_watch_seconds', 'engagement_rate'] });
    expect(r.totals).toEqual({ completion_rate: null, avg_watch_seconds: null, engagement_rate: null });
  });

  it('ignores a work whose weight is missing', () => {
    // W2 has a completion rate but no plays: it adds neither value nor weight. (0.3 × 1000) / 1000 = 0.3
    const tables = buildTables({
      content: [
        { content_id: 'W1', published_at: '2026-10-01 10:00:00', plays: 1000, completion_rate: 0.3 },
        { content_id: 'W2', published_at: '2026-10-01 11:00:00', plays: null, completion_rate: 0.9 },
      ],
    });
    expectNear(q(tables, { metrics: ['completion_rate'] }).totals!.completion_rate, 0.3);
  });
});

describe('order metrics', () => {
  it('counts GMV, orders and buyers of paid orders only (excludes 待支付 and 已关闭)', () => {
    const r = q(FIXTURES.order(), {
      metrics: ['gmv', 'paid_orders', 'buyers', 'units', 'items'],
      dimensions: ['province'],
      sort: [{ key: 'province', dir: 'asc' }],
    });
    const by = Object.fromEntries(r.rows.map((row) => [row.province, row]));
    // 广东: I1 100.00 + I2 50.50 + I4 19.51 = 170.01; orders {O1, O3} = 2; buyers {B1} = 1; units 2 + 1 + 3 = 6
    expect(by['广东']).toEqual({ province: '广东', gmv: 170.01, paid_orders: 2, buyers: 1, units: 6, items: 3 });
    // 浙江: I3 29.99 (I5 待支付 has no paid_at and is outside every paid filter); buyers {B2}
    // (no period: I5, with a null paid_at, still forms part of the 浙江 group for items)
    expect(by['浙江']).toEqual({ province: '浙江', gmv: 29.99, paid_orders: 1, buyers: 1, units: 1, items: 2 });
    // 江苏: only the 已关闭 I6 -> nothing paid: sums 0, distinct counts 0
    expect(by['江苏']).toEqual({ province: '江苏', gmv: 0, paid_orders: 0, buyers: 0, units: 0, items: 1 });
    expect(r.totals).toEqual({ gmv: 200, paid_orders: 3, buyers: 2, units: 7, items: 6 });
  });

  it('gives null ratios where nothing was paid', () => {
    const r = q(FIXTURES.order(), { metrics: ['aov', 'avg_order_value', 'refund_rate', 'refund_order_rate'], dimensions: ['province'] });
    const js = r.rows.find((row) => row.province === '江苏')!;
    expect(js).toEqual({ province: '江苏', aov: null, avg_order_value: null, refund_rate: null, refund_order_rate: null });
    // 浙江: aov 29.99 / 1, order value 29.99 / 1, refund 0 (no refund column value: null) / 29.99
    const zj = r.rows.find((row) => row.province === '浙江')!;
    expectNear(zj.aov, 29.99);
    expectNear(zj.avg_order_value, 29.99);
    expect(zj.refund_order_rate).toBe(0);
  });

  it('dates orders by paid_at', () => {
    const r = q(FIXTURES.order(), { metrics: ['gmv', 'paid_orders'], dimensions: ['date'], from: '2026-10-01', to: '2026-10-02' });
    // 10-01: I1 100.00 + I2 50.50 = 150.50 (I6 closed); orders {O1}
    // 10-02: I3 29.99 + I4 19.51 = 49.50; orders {O2, O3}
    expect(r.rows).toEqual([
      { date: '2026-10-01', gmv: 150.5, paid_orders: 1 },
      { date: '2026-10-02', gmv: 49.5, paid_orders: 2 },
    ]);
  });

  it('counts an order once when it has several items, and a buyer once across orders', () => {
    const r = q(FIXTURES.order(), {
      metrics: ['paid_orders', 'buyers', 'aov', 'avg_order_value'],
      dimensions: ['buyer_id'],
      sort: [{ key: 'buyer_id', dir: 'asc' }],
    });
    // B1: orders {O1, O3} = 2, gmv 170.01, aov 170.01 / 1, order value 170.01 / 2 = 85.005
    const b1 = r.rows.find((row) => row.buyer_id === 'B1')!;
    expect(b1.paid_orders).toBe(2);
    expectNear(b1.aov, 170.01);
    expectNear(b1.avg_order_value, 85.005);
  });

  it('sums the refund_amount column when the export has it', () => {
    const r = q(FIXTURES.order(), { metrics: ['refund_amount', 'refund_rate', 'refund_orders', 'refund_order_rate'] });
    // 30.00 (I2's partial refund) + 0 (I4); rate 30 / 200 = 0.15; refunded orders {O1} / 3
    expect(r.totals!.refund_amount).toBe(30);
    expectNear(r.totals!.refund_rate, 0.15);
    expect(r.totals!.refund_orders).toBe(1);
    expectNear(r.totals!.refund_order_rate, 1 / 3);
  });

  it('without a refund_amount column, counts refunded items’ payable amount', () => {
    const r = q(FIXTURES.order_no_refund(), { metrics: ['refund_amount', 'refund_rate', 'refund_order_rate'] });
    // I2 (退款成功) payable 50.50; I4 (售后关闭) is not a refund. rate 50.50 / 200 = 0.2525
    expect(r.totals!.refund_amount).toBe(50.5);
    expectNear(r.totals!.refund_rate, 0.2525);
    expectNear(r.totals!.refund_order_rate, 1 / 3);
  });

  it('recognises every refunded after-sale wording', () => {
    const rows = ['退款成功', '同意退款，退款成功', '售后成功', '售后关闭', '换货成功', null].map((after, i) => ({
      order_item_id: `I${i}`,
      order_id: `O${i}`,
      buyer_id: 'B',
      status: '已完成',
      payable_amount: 10 * (i + 1),
      paid_at: '2026-10-01 10:00:00',
      after_sale_status: after,
    }));
    // refunded: I0 10.00 + I1 20.00 + I2 30.00 = 60.00 of gmv 10 + 20 + ... + 60 = 210.00; refunded orders 3 of 6
    const r = q(buildTables({ order: rows }), { metrics: ['refund_amount', 'gmv', 'refund_orders', 'refund_order_rate'] });
    expect(r.totals).toEqual({ refund_amount: 60, gmv: 210, refund_orders: 3, refund_order_rate: 0.5 });
  });
});

describe('live metrics', () => {
  it('computes rates per session and as ratios of sums over sessions', () => {
    const r = q(FIXTURES.live(), { metrics: ['entry_rate', 'uv_value', 'live_gpm', 'avg_watch_minutes', 'live_roi'], dimensions: ['date'] });
    // S1: 2000 / 10000 = 0.2; 5000 / 2000 = 2.5; 5000 / 3000 × 1000; 2.5; 5000 / 1000 = 5
    // S2: 500 / 5000 = 0.1;  1000 / 500 = 2;    1000 / 1000 × 1000 = 1000; 5; 1000 / 500 = 2
    expectNear(r.rows[0].entry_rate, 0.2);
    expectNear(r.rows[1].entry_rate, 0.1);
    expectNear(r.rows[0].uv_value, 2.5);
    expectNear(r.rows[1].uv_value, 2);
    expectNear(r.rows[0].live_gpm, (5000 / 3000) * 1000);
    expectNear(r.rows[1].live_gpm, 1000);
    expectNear(r.rows[0].avg_watch_minutes, 2.5);
    expectNear(r.rows[1].avg_watch_minutes, 5);
    // totals: entry 2500 / 15000 (mean of rows 0.15); watch minutes weighted 3 (mean of rows 3.75); roi 6000 / 1500 = 4 (mean 3.5)
    expectNear(r.totals!.entry_rate, 1 / 6);
    expectNear(r.totals!.avg_watch_minutes, 3);
    expectNear(r.totals!.live_roi, 4);
  });

  it('gives null where viewers or spend are zero', () => {
    const tables = buildTables({
      live: [
        {
          account: 'A',
          live_start: '2026-10-01 20:00:00',
          exposure_users: 0,
          viewers: 0,
          views: 0,
          live_gmv: 0,
          live_buyers: 0,
          ad_spend: 0,
          avg_watch_minutes: 3,
          product_click_users: 0,
          product_exposure_users: 0,
          new_followers: 0,
        },
      ],
    });
    const metrics = [
      'entry_rate',
      'product_ctr',
      'watch_to_buy_rate',
      'click_to_buy_rate',
      'live_gpm',
      'uv_value',
      'live_aov',
      'follow_rate',
      'live_roi',
      'avg_watch_minutes',
    ];
    const r = q(tables, { metrics });
    for (const m of metrics) expect(r.totals![m]).toBeNull();
  });
});

describe('cross-kind metrics', () => {
  it('computes GPM from shop GMV and account plays joined by date', () => {
    const r = q(FIXTURES['order+account'](), { metrics: ['gmv', 'plays', 'gpm'], dimensions: ['date'], from: '2026-10-01', to: '2026-10-03' });
    // 10-01: 150.50 / 1000 × 1000 = 150.5; 10-02: 49.50 / 2000 × 1000 = 24.75; 10-03: no orders, gmv 0 -> 0
    expect(r.rows).toEqual([
      { date: '2026-10-01', gmv: 150.5, plays: 1000, gpm: 150.5 },
      { date: '2026-10-02', gmv: 49.5, plays: 2000, gpm: 24.75 },
      { date: '2026-10-03', gmv: 0, plays: 1000, gpm: 0 },
    ]);
    // totals 200 / 4000 × 1000 = 50 (mean of the daily GPMs would be 58.41…)
    expectNear(r.totals!.gpm, 50);
  });

  it('computes the ad share of GMV joined by date', () => {
    const r = q(FIXTURES['ad+order'](), { metrics: ['ad_gmv', 'gmv', 'ad_gmv_share'], dimensions: ['date'] });
    // 10-01: 20.00 / 150.50; 10-02: 10.85 / 49.50; totals 30.85 / 200 = 0.15425
    const d1 = r.rows.find((row) => row.date === '2026-10-01')!;
    const d2 = r.rows.find((row) => row.date === '2026-10-02')!;
    expectNear(d1.ad_gmv_share, 20 / 150.5);
    expectNear(d2.ad_gmv_share, 10.85 / 49.5);
    expectNear(r.totals!.ad_gmv_share, 0.15425);
  });
});

describe('money is exact to the cent', () => {
  it('sums cents that are inexact in binary floating point', () => {
    // 0.10 + 0.20 = 0.30 (0.1 + 0.2 = 0.30000000000000004 in floats); ten times 0.01 = 0.10
    const tables = buildTables({
      ad: [
        { date: '2026-10-01', impressions: 1, cost: 0.1 },
        { date: '2026-10-01', impressions: 1, cost: 0.2 },
        ...Array.from({ length: 10 }, () => ({ date: '2026-10-02', impressions: 1, cost: 0.01 })),
      ],
    });
    const r = q(tables, { metrics: ['cost'], dimensions: ['date'] });
    expect(r.rows).toEqual([
      { date: '2026-10-01', cost: 0.3 },
      { date: '2026-10-02', cost: 0.1 },
    ]);
    expect(r.totals!.cost).toBe(0.4);
  });

  it('the table builder stores money as integer cents from the decimal text', () => {
    const t = buildTable('ad', [
      { date: '2026-10-01', cost: 12.34 },
      { date: '2026-10-01', cost: '1.00' },
      { date: '2026-10-01', cost: -0.07 },
    ]);
    const col = t.columns.get('cost')!;
    expect(col.type === 'num' && Array.from(col.values)).toEqual([1234, 100, -7]);
    expect(() => buildTable('ad', [{ cost: 1.005 }])).toThrow();
  });
});
