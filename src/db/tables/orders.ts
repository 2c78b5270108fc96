// Customers, products and orders with their lines, payments and fulfillments.
import type { ColumnType, Generated } from 'kysely';
import type { Instant, InstantDefault, Json, JsonDefault } from './columns.ts';

export interface CustomersTable {
  store_id: string;
  id: string;
  email: string;
  name: string | null;
  phone: string | null;
  country: string | null;
  language: string | null;
  time_zone: string | null;
  segments: string[];
  created_at: InstantDefault;
  unsubscribed_at: Instant | null;
}

export interface ProductsTable {
  store_id: string;
  id: string;
  sku: string;
  product_group: string | null;
  title: string;
  variant: string | null;
  category: string | null;
  price: number;
  currency: string;
  weight_grams: number | null;
  flags: string[];
  supplier_code: string | null;
  tags: string[];
  /** prices per currency beside `price` ({"RUB": 450000}) */
  prices: ColumnType<Record<string, number>, string | undefined, string>;
  image_url: Generated<string | null>;
  /** what one unit costs the store from its supplier, in unit_cost_currency */
  unit_cost: Generated<number | null>;
  unit_cost_currency: Generated<string | null>;
  created_at: InstantDefault;
}

export interface OrdersTable {
  store_id: string;
  id: string;
  external_id: string | null;
  number: string;
  channel: string;
  currency: string;
  placed_at: Instant;
  return_terms_disclosed: boolean;
  customer_id: string;
  customer_language: string | null;
  customer_time_zone: string | null;
  customer_segments: string[];
  tags: string[];
  shipping_address: Json;
  destination_country: string;
  discounts: Json;
  shipping_amount: number;
  shipping_tax: number;
  total_amount: number;
  paid_amount: number;
  refunded_amount: Generated<number>;
  /** moved on by each portal lookup and by the store: older portal links stop working */
  portal_generation: Generated<number>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface OrderLinesTable {
  store_id: string;
  order_id: string;
  line_id: string;
  position: number;
  sku: string;
  title: string;
  variant: string | null;
  category: string | null;
  quantity: number;
  unit_price: number;
  discount: number;
  tax: number;
  flags: string[];
  supplier: string | null;
  no_reason_return_waived: boolean;
  tags: string[];
  cancelled_quantity: Generated<number>;
}

export interface PaymentsTable {
  store_id: string;
  order_id: string;
  position: number;
  provider: string;
  reference: string | null;
  amount: number;
}

export interface FulfillmentsTable {
  store_id: string;
  order_id: string;
  fulfillment_id: string;
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: Instant | null;
  delivered_at: Instant | null;
  lines: Json<{ line_id: string; quantity: number }[]>;
  origin_country: Generated<string | null>;
  milestone: Generated<string | null>;
  milestone_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  tracking_events: JsonDefault<unknown[]>;
}
