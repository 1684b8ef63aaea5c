// The checkout window's parameters travel in its URL, as flat query fields, so a plain link
// (or a form's hidden field) can reopen the same window.
import type { CheckoutRequest } from './stand-in-types';

export function checkoutRequestToQuery(request: CheckoutRequest): URLSearchParams {
  const query = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined) query.set(key, String(value));
  };
  put('orderName', request.orderName);
  put('totalAmount', request.totalAmount);
  put('currency', request.currency);
  put('customData', request.customData);
  put('customerId', request.customer?.id);
  put('customerEmail', request.customer?.email);
  put('customerFullName', request.customer?.fullName);
  put('customerPhoneNumber', request.customer?.phoneNumber);
  put('payMethod', request.payMethod);
  put('accountExpiryDueDate', request.virtualAccountExpiry?.dueDate);
  put('accountExpiryValidHours', request.virtualAccountExpiry?.validHours);
  put('redirectUrl', request.redirectUrl);
  return query;
}

export function checkoutRequestFromQuery(query: URLSearchParams): CheckoutRequest {
  const text = (key: string) => query.get(key) ?? undefined;
  const number = (key: string) => (query.has(key) ? Number(query.get(key)) : undefined);
  const payMethod = text('payMethod');
  const customer = {
    id: text('customerId'),
    email: text('customerEmail'),
    fullName: text('customerFullName'),
    phoneNumber: text('customerPhoneNumber'),
  };
  const dueDate = text('accountExpiryDueDate');
  const validHours = number('accountExpiryValidHours');
  return {
    orderName: text('orderName'),
    totalAmount: number('totalAmount'),
    currency: text('currency'),
    customData: text('customData'),
    customer: Object.values(customer).some((v) => v !== undefined) ? customer : undefined,
    payMethod: payMethod === 'CARD' || payMethod === 'EASY_PAY' || payMethod === 'VIRTUAL_ACCOUNT' ? payMethod : undefined,
    virtualAccountExpiry: dueDate !== undefined || validHours !== undefined ? { dueDate, validHours } : undefined,
    redirectUrl: text('redirectUrl'),
  };
}
