/** Messages between a store proxy and the thread that owns the real store. */
export interface StoreCall {
  id: number;
  method: string;
  args: unknown[];
}

export type StoreReply = { id: number; result: unknown } | { id: number; error: { name: string; message: string; code?: string } };

/**
 * Functions cannot cross threads. The only one the Store interface takes as data is
 * `PublishInput.newDeliveryId`; it is replaced by this marker and re-made on the owning side.
 */
export const DELIVERY_ID_MARKER = '__herald_new_delivery_id__';
